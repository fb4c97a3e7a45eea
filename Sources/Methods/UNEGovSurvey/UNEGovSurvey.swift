/// Namespace of the UN E-Government Survey (UN DESA) data: EGDI, its components, and their import.
///
/// EGDI (E-Government Development Index) = (OSI + HCI + TII) / 3; see `docs/methods/un-egdi.md`.
public enum UNEGovSurvey {
    /// Largest accepted |EGDI − mean(OSI, HCI, TII)| before a record is listed as inconsistent.
    public static let consistencyTolerance = 0.0001

    /// Absorbs binary rounding in the tolerance comparison (a decimal difference of exactly 0.0001
    /// may come out as 0.00010000000000001 in `Double`).
    static let toleranceSlack = 1e-12
}
