/// A run of bytes in the arena of a ``CompiledPlan``.
struct Span: BitwiseCopyable {
    var start: Int32
    var count: Int32
}

/// A ``SamplePlan`` laid out for the hot loop: every cell's bytes in one arena, every table
/// a flat run of plain values in memory the plan allocates itself, so that writing a row
/// reads through plain pointers and costs no reference counting (a first version that read
/// the plan's nested arrays spent 45% of its time retaining and releasing them).
///
/// ``Tables`` is a bundle of pointers into that memory; it is valid while the plan lives.
final class CompiledPlan: @unchecked Sendable {
    /// A scale: its cut points and point values by position, its cells by value, its
    /// non-answer codes by kind, and the non-answer thresholds on 32 random bits.
    struct Scale: BitwiseCopyable {
        var k: Int32
        var minValue: Int32
        var maxValue: Int32
        /// `doubles[cuts ..< cuts + k − 1]`.
        var cuts: Int32
        /// `ints[values ..< values + k]`: the point value at each position.
        var values: Int32
        /// `spans[codes + value − min]`.
        var codes: Int32
        /// `spans[labels + language·k + value − min]`.
        var labels: Int32
        /// `spans[missing.i ..< missing.i + missingCount.i]` for noAnswer, dontKnow, notApplicable.
        /// The thresholds on 16 random bits are ``LatentScale``'s.
        var missing: (Int32, Int32, Int32)
        var missingCount: (Int32, Int32, Int32)
        var noAnswerBelow: UInt64
        var dontKnowBelow: UInt64
        var notApplicableBelow: UInt64
        var defaultLabelBelow: UInt64
        var otherLabelBelow: UInt64
    }

    struct Item: BitwiseCopyable {
        var scale: Int32
        var reverse: Bool
        var mean: Double
        var loading: Double
        var noise: Double
    }

    /// A categorical variable: `spans[cells + i]`, `spans[labels + language·count + i]` (or
    /// `labels < 0`), `words[cumulative + i]`, `doubles[effects + i]`.
    struct Categorical: BitwiseCopyable {
        var count: Int32
        var cells: Int32
        var labels: Int32
        var cumulative: Int32
        var effects: Int32
    }

    /// A multi-select question: `words[thresholds + o]`, `spans[codes + o]`.
    struct MultiSelect: BitwiseCopyable {
        var count: Int32
        var thresholds: Int32
        var codes: Int32
        var separator: Int32
        var quoted: Bool
    }

    struct Tables {
        var arena: UnsafePointer<UInt8>
        var spans: UnsafePointer<Span>
        var doubles: UnsafePointer<Double>
        var words: UnsafePointer<UInt64>
        var ints: UnsafePointer<Int32>
        var columns: UnsafePointer<SamplePlan.Column>
        var columnCount: Int
        var scales: UnsafePointer<Scale>
        var items: UnsafePointer<Item>
        /// Services first, then the other groupings, then the demographics.
        var categoricals: UnsafePointer<Categorical>
        var groupCount: Int
        var demographicCount: Int
        var multiSelects: UnsafePointer<MultiSelect>
        var multiSelectCount: Int
        // Geography.
        var respondents: Int
        var villageCount: Int
        var villageProvince: UnsafePointer<Int32>
        var villageDistrict: UnsafePointer<Int32>
        var villageCommune: UnsafePointer<Int32>
        var villageEffects: UnsafePointer<Double>
        var provinceEffects: UnsafePointer<Double>
        var provinceWeights: UnsafePointer<Double>
        var provincePopulations: UnsafePointer<Int>
        // Fixed cells, as span indices.
        var provinceCells: Int32
        var districtPrefix: Int32
        var communePrefix: Int32
        var villagePrefix: Int32
        var waveCell: Int32
        var lineEnd: Int32
        var districtWidth: Int
        var communeWidth: Int
        var villageWidth: Int
        var respondentWidth: Int
        var wave: Int
        var weights: Bool
        var otherLanguages: Int
        var peopleSeed: UInt64
        // Comments: fragments `spans[positive ..< positive + poolSize]` (and negative), whether
        // each needs quotes in `ints[positiveQuotes + i]`, the phone and ID prefixes.
        var positive: Int32
        var negative: Int32
        var positiveQuotes: Int32
        var negativeQuotes: Int32
        var poolSize: Int
        var phone: Int32
        var idNumber: Int32
    }

    private let allocations: [UnsafeMutableRawPointer]
    let tables: Tables
    /// ``tables`` in memory of its own: the hot loop takes this pointer, so that the bundle
    /// of some fifty words is never copied per call.
    let tablesPointer: UnsafePointer<Tables>

    /// Copies `array` into memory that `allocations` records for the plan to free.
    private static func freeze<T: BitwiseCopyable>(
        _ array: [T], _ allocations: inout [UnsafeMutableRawPointer]
    ) -> UnsafePointer<T> {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(array.count, 1) * MemoryLayout<T>.stride, alignment: MemoryLayout<T>.alignment)
        allocations.append(raw)
        let typed = raw.bindMemory(to: T.self, capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { typed.update(from: base, count: array.count) }
        }
        return UnsafePointer(typed)
    }

    deinit {
        for raw in allocations { raw.deallocate() }
        tablesPointer.deallocate()
    }

    init(_ plan: SamplePlan) {
        var arena: [UInt8] = []
        var spans: [Span] = []
        var doubles: [Double] = []
        var words: [UInt64] = []
        var ints: [Int32] = []
        func addSpan(_ bytes: [UInt8]) -> Int32 {
            spans.append(Span(start: Int32(arena.count), count: Int32(bytes.count)))
            arena.append(contentsOf: bytes)
            return Int32(spans.count - 1)
        }
        func addSpans(_ list: [[UInt8]]) -> Int32 {
            let first = Int32(spans.count)
            for bytes in list { _ = addSpan(bytes) }
            return first
        }
        func addDoubles(_ list: [Double]) -> Int32 {
            doubles.append(contentsOf: list)
            return Int32(doubles.count - list.count)
        }
        func addWords(_ list: [UInt64]) -> Int32 {
            words.append(contentsOf: list)
            return Int32(words.count - list.count)
        }
        func addInts(_ list: [Int32]) -> Int32 {
            ints.append(contentsOf: list)
            return Int32(ints.count - list.count)
        }

        let scales = plan.scales.map { scale in
            Scale(
                k: Int32(scale.codeCells.count), minValue: Int32(scale.minValue), maxValue: Int32(scale.maxValue),
                cuts: addDoubles(scale.cuts), values: addInts(scale.valuesByPosition.map { Int32($0) }),
                codes: addSpans(scale.codeCells), labels: addSpans(scale.labelCells.flatMap { $0 }),
                missing: (addSpans(scale.missingCells[0]), addSpans(scale.missingCells[1]), addSpans(scale.missingCells[2])),
                missingCount: (Int32(scale.missingCells[0].count), Int32(scale.missingCells[1].count),
                               Int32(scale.missingCells[2].count)),
                noAnswerBelow: scale.noAnswerBelow, dontKnowBelow: scale.dontKnowBelow,
                notApplicableBelow: scale.notApplicableBelow, defaultLabelBelow: scale.defaultLabelBelow,
                otherLabelBelow: scale.otherLabelBelow)
        }
        let items = plan.items.map {
            Item(scale: Int32($0.scale), reverse: $0.reverse, mean: $0.mean, loading: $0.loading, noise: $0.noise)
        }
        let categoricals = ([plan.services] + plan.groups + plan.demographics).map { c in
            Categorical(
                count: Int32(c.count), cells: addSpans(c.cells),
                labels: c.labelCells.isEmpty ? -1 : addSpans(c.labelCells.flatMap { $0 }),
                cumulative: addWords(c.cumulative), effects: addDoubles(c.effects))
        }
        let multiSelects = plan.multiSelects.map { m in
            MultiSelect(
                count: Int32(m.thresholds.count), thresholds: addWords(m.thresholds), codes: addSpans(m.codes),
                separator: addSpan(m.separator), quoted: m.quoted)
        }
        let geography = plan.geography
        let positive = Comments.positivePool
        let negative = Comments.negativePool
        precondition(positive.fragments.count == negative.fragments.count)
        let provinceCells = addSpans(plan.provinceCells)
        let districtPrefix = addSpan(plan.districtPrefix)
        let communePrefix = addSpan(plan.communePrefix)
        let villagePrefix = addSpan(plan.villagePrefix)
        let waveCell = addSpan(plan.waveCell)
        let lineEnd = addSpan(plan.lineEnd)
        let positiveSpans = addSpans(positive.fragments)
        let negativeSpans = addSpans(negative.fragments)
        let positiveQuotes = addInts(positive.needsQuotes.map { $0 ? 1 : 0 })
        let negativeQuotes = addInts(negative.needsQuotes.map { $0 ? 1 : 0 })
        let phone = addSpan(Comments.phoneBytes)
        let idNumber = addSpan(Comments.idBytes)

        var allocations: [UnsafeMutableRawPointer] = []
        func freeze<T: BitwiseCopyable>(_ array: [T]) -> UnsafePointer<T> {
            CompiledPlan.freeze(array, &allocations)
        }
        tables = Tables(
            arena: freeze(arena), spans: freeze(spans), doubles: freeze(doubles), words: freeze(words),
            ints: freeze(ints), columns: freeze(plan.columns), columnCount: plan.columns.count,
            scales: freeze(scales), items: freeze(items),
            categoricals: freeze(categoricals), groupCount: plan.groups.count,
            demographicCount: plan.demographics.count, multiSelects: freeze(multiSelects),
            multiSelectCount: plan.multiSelects.count,
            respondents: geography.respondents, villageCount: geography.villageCount,
            villageProvince: freeze(geography.villageProvince), villageDistrict: freeze(geography.villageDistrict),
            villageCommune: freeze(geography.villageCommune), villageEffects: freeze(geography.villageEffects),
            provinceEffects: freeze(geography.provinceEffects), provinceWeights: freeze(geography.provinceWeights),
            provincePopulations: freeze(geography.provincePopulations),
            provinceCells: provinceCells, districtPrefix: districtPrefix, communePrefix: communePrefix,
            villagePrefix: villagePrefix, waveCell: waveCell, lineEnd: lineEnd,
            districtWidth: plan.districtWidth, communeWidth: plan.communeWidth, villageWidth: plan.villageWidth,
            respondentWidth: plan.respondentWidth, wave: plan.wave, weights: plan.weights,
            otherLanguages: plan.otherLanguages, peopleSeed: plan.peopleSeed,
            positive: positiveSpans, negative: negativeSpans, positiveQuotes: positiveQuotes,
            negativeQuotes: negativeQuotes, poolSize: positive.fragments.count, phone: phone, idNumber: idNumber)
        self.allocations = allocations
        let pointer = UnsafeMutablePointer<Tables>.allocate(capacity: 1)
        pointer.initialize(to: tables)
        tablesPointer = UnsafePointer(pointer)
    }
}
