extension JSONNode {
    /// An amount of money as a JSON number in major units, written by `Money.machineText`: `13333.33`, `13000.00`.
    public static func amount(_ money: Grants.Money) -> JSONNode { .number(money.machineText) }
}
