/// The rows that enter an estimator: in the domain (if one is given) and with valid values.
/// A value is missing when it is NaN; such rows are counted as excluded, as R's `na.rm = TRUE`
/// drops them (keeping every PSU of the design).
struct DomainRows {
    var rows: [Bool]
    var excluded: Int

    init(count: Int, domain: [Bool]?, values: [[Double]]) {
        if let domain { precondition(domain.count == count, "one domain flag per row of the design") }
        for v in values { precondition(v.count == count, "one value per row of the design") }
        rows = [Bool](repeating: false, count: count)
        excluded = 0
        for i in 0..<count where domain?[i] ?? true {
            var valid = true
            for v in values where v[i].isNaN { valid = false }
            if valid { rows[i] = true } else { excluded += 1 }
        }
    }
}
