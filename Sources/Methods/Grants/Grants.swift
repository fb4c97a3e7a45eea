/// Pure domain rules of the small-grants scheme: money, calls and lots, budgets, state machines,
/// review aggregation, payment tranches and the 360Giving export. Foundation only; no storage.
public enum Grants {}
