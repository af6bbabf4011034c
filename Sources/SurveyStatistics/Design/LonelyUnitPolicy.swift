/// What the variance engine does with a stratum that holds a single primary sampling unit.
///
/// With one PSU in a stratum the between-PSU variance of that stratum cannot be estimated
/// (its n_h/(n_h − 1) factor is undefined). R `survey` leaves the choice to
/// `options(survey.lonely.psu = ...)`; satkit takes it as a value in ``SurveyDesign``.
/// The cases below reproduce R's `onestrat()` (survey 4.1, `R/multistage.R`) exactly.
///
/// A stratum that is fully sampled (finite-population correction 0, a "certainty" stratum
/// declared through its population size) contributes zero variance under every policy and never
/// fails, as in R.
///
/// Only strata with one PSU *in the design* are lonely. A domain (subgroup) that happens to
/// have answers in only one PSU of a stratum is not: the stratum's other PSUs contribute zero
/// totals, as R does with its default `options(survey.adjust.domain.lonely = FALSE)`.
///
/// Reference: Lumley (2010), *Complex Surveys*, §3.2; R `?surveyoptions`.
public enum LonelyUnitPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Refuse the design: ``SurveyDesign`` throws ``DesignError/lonelyUnit(stratum:)`` naming the
    /// first such stratum. R: `"fail"` (the default there too).
    case fail
    /// The stratum contributes zero variance (its PSU total is centred at its own mean).
    /// R: `"remove"`. Degrees of freedom still count the stratum and its PSU, as R's `degf` does.
    case remove
    /// The stratum's single PSU total is centred at zero instead of the stratum mean and counts
    /// with factor f_h (no n_h/(n_h − 1)): contribution f_h·t². R: `"adjust"`.
    ///
    /// R's documentation says "centred at the grand mean"; its code centres the influence totals
    /// at zero, which is the grand mean of the estimating function for means, shares and ratios
    /// (their influence values sum to zero) but not for totals. satkit follows the code.
    case adjust
    /// The single PSU was sampled with certainty and contributes zero variance. R: `"certainty"`.
    /// Numerically the same as ``remove`` in R's `svyrecvar`; kept as its own case so that
    /// outputs say which assumption was made.
    case certainty
}
