/// Why a ``SurveyDesign`` could not be built. Each case says where the problem is and renders
/// to a sentence that says what to do next.
public enum DesignError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A per-row column has the wrong number of entries.
    case lengthMismatch(column: String, expected: Int, actual: Int)
    /// A weight is negative, infinite or not a number (rows counted from 0).
    case invalidWeight(row: Int, value: Double)
    /// A stratum has one PSU and the policy is ``LonelyUnitPolicy/fail`` (an empty label: the
    /// unstratified design has one PSU).
    case lonelyUnit(stratum: String)
    /// The finite-population value differs between rows of one stratum.
    case finitePopulationVaries(stratum: String)
    /// A finite-population value is out of range (population < 1 or fraction outside (0, 1]).
    case invalidFinitePopulation(row: Int, value: Double)
    /// The population count of a stratum is below the number of PSUs sampled in it.
    case populationBelowSample(stratum: String, population: Double, sampled: Int)

    /// The message for the user: what is wrong, where, and what to do next.
    public var description: String {
        switch self {
        case let .lengthMismatch(column, expected, actual):
            return "the \(column) column has \(actual) entries but the data has \(expected) rows; give one value per row."
        case let .invalidWeight(row, value):
            return "row \(row) has weight \(value); weights must be finite and not negative."
        case let .lonelyUnit(stratum) where stratum.isEmpty:
            return "the design has only one PSU, so no variance can be estimated; give more clusters, or analyse without clusters."
        case let .lonelyUnit(stratum):
            return "stratum \(stratum) has only one PSU, so its variance cannot be estimated; merge it with a similar stratum, or choose what a lonely PSU does: remove, adjust or certainty (R: survey.lonely.psu)."
        case let .finitePopulationVaries(stratum):
            return "the finite-population correction varies within stratum \(stratum); give one population size or sampling fraction per stratum."
        case let .invalidFinitePopulation(row, value):
            return "row \(row) has finite-population value \(value); give a population size of at least 1 or a sampling fraction in (0, 1]."
        case let .populationBelowSample(stratum, population, sampled):
            return "stratum \(stratum) has population size \(population) but \(sampled) sampled PSUs; the population cannot be smaller than the sample."
        }
    }
}
