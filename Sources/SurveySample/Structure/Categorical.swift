/// A categorical variable of the sample: its values as CSV cells, how often each is drawn,
/// and each value's effect on the latent satisfaction.
struct Categorical: Sendable {
    /// The cells as written (codes from the survey's dictionary, or generated names).
    let cells: [[UInt8]]
    /// The cells written as labels in each of the survey's languages, when the values have
    /// labels (a dictionary); empty otherwise.
    let labelCells: [[[UInt8]]]
    /// The running sums of the draw weights, scaled to 2³² (the last one is 2³²).
    let cumulative: [UInt64]
    /// The effect of each value on the latent satisfaction, centred so that their mean
    /// weighted by how often each value is drawn is 0 (the effects move groups apart without
    /// moving the whole sample).
    let effects: [Double]

    init(cells: [[UInt8]], labelCells: [[[UInt8]]] = [], weights: [Double], effects: [Double]) {
        precondition(!cells.isEmpty && cells.count == weights.count && cells.count == effects.count)
        self.cells = cells
        self.labelCells = labelCells
        let total = weights.reduce(0, +)
        let centre = zip(weights, effects).reduce(0) { $0 + $1.0 * $1.1 } / total
        self.effects = effects.map { $0 - centre }
        var running = 0.0
        var cumulative: [UInt64] = []
        for weight in weights {
            running += weight
            cumulative.append(UInt64((running / total * 4_294_967_296).rounded(.down)))
        }
        cumulative[cumulative.count - 1] = 1 << 32
        self.cumulative = cumulative
    }

    var count: Int { cells.count }
}
