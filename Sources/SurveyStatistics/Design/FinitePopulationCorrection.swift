/// The finite-population correction of a design, given per row as R `svydesign(fpc = ~col)`
/// takes it: either the number of PSUs in the row's stratum population, or the sampling
/// fraction of PSUs in that stratum.
///
/// With N_h population PSUs and n_h sampled PSUs in stratum h, the stratum's variance is
/// multiplied by f_h = (N_h − n_h)/N_h = 1 − n_h/N_h. A fraction φ_h is turned into
/// N_h = n_h/φ_h, as R does. N_h = ∞ (or φ_h = 0) means no correction (f_h = 1);
/// N_h = n_h (φ_h = 1) means the stratum is a census and contributes no variance.
///
/// Edge cases: the value must be the same for every row of a stratum (R warns; satkit refuses),
/// and N_h < n_h is refused ("FPC implies >100% sampling", in R's words).
///
/// Reference: Cochran (1977), *Sampling Techniques*, §5.3; Lumley (2010), §2.2.
public enum FinitePopulationCorrection: Sendable, Hashable {
    /// N_h per row: the count of PSUs (or of rows, in an unclustered design) in the stratum's
    /// population. Values must be ≥ 1. R: `fpc` values greater than 1.
    case populationSize([Double])
    /// φ_h = n_h/N_h per row, in (0, 1]. R: `fpc` values at most 1.
    case samplingFraction([Double])
}
