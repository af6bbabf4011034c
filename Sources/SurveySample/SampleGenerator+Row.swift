import SurveyStatistics

/// Per-row choices, in memory allocated once per ``SampleGenerator/write(rows:includingHeader:to:)``
/// call, so the hot loop allocates nothing.
struct RowScratch: ~Copyable {
    let groups: UnsafeMutablePointer<Int>
    let demographics: UnsafeMutablePointer<Int>
    let demographicBits: UnsafeMutablePointer<UInt64>
    let selections: UnsafeMutablePointer<UInt64>

    init(_ t: borrowing CompiledPlan.Tables) {
        groups = .allocate(capacity: max(t.groupCount, 1))
        demographics = .allocate(capacity: max(t.demographicCount, 1))
        demographicBits = .allocate(capacity: max(t.demographicCount, 1))
        selections = .allocate(capacity: max(t.multiSelectCount, 1))
    }

    deinit {
        groups.deallocate()
        demographics.deallocate()
        demographicBits.deallocate()
        selections.deallocate()
    }
}

extension SampleGenerator {
    /// Demographics: 1% empty, 0.5% written as the default language's label (on 16 bits).
    static let demographicMissingBelow: UInt64 = 655
    static let demographicLabelBelow: UInt64 = 328
    /// A quarter of respondents write a comment (on 16 bits).
    static let commentBelow: UInt64 = 16384

    /// The value drawn by the 32-bit uniform `u` from categorical `c`: the first index whose
    /// running sum exceeds it (binary search).
    @inline(__always)
    static func draw(_ c: CompiledPlan.Categorical, _ u: UInt64, _ t: UnsafePointer<CompiledPlan.Tables>) -> Int {
        let cumulative = t.pointee.words + Int(c.cumulative)
        var low = 0
        var high = Int(c.count) - 1
        while low < high {
            let middle = (low + high) >> 1
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Writes respondent `i`'s row. Draws, in order: the service, each other grouping, each
    /// demographic, the person effect, each multi-select question, the weight noise; then one
    /// or two draws per column as the column needs them.
    @inline(__always)
    static func writeRow(_ i: Int, _ t: UnsafePointer<CompiledPlan.Tables>, into buffer: inout ByteBuffer, scratch: borrowing RowScratch) {
        var rng = SeededGenerator(seed: SplitMix64.mix(t.pointee.peopleSeed &+ UInt64(i)))
        let village = i * t.pointee.villageCount / t.pointee.respondents
        let province = Int(t.pointee.villageProvince[village])
        let services = t.pointee.categoricals[0]
        let service = draw(services, rng.next() & 0xFFFF_FFFF, t)
        var base = t.pointee.provinceEffects[province] + t.pointee.villageEffects[village] + t.pointee.doubles[Int(services.effects) + service]
        for g in 0..<t.pointee.groupCount {
            let c = t.pointee.categoricals[1 + g]
            let choice = draw(c, rng.next() & 0xFFFF_FFFF, t)
            scratch.groups[g] = choice
            base += t.pointee.doubles[Int(c.effects) + choice]
        }
        for d in 0..<t.pointee.demographicCount {
            let c = t.pointee.categoricals[1 + t.pointee.groupCount + d]
            let bits = rng.next()
            let choice = draw(c, bits & 0xFFFF_FFFF, t)
            scratch.demographics[d] = choice
            scratch.demographicBits[d] = bits >> 32
            base += t.pointee.doubles[Int(c.effects) + choice]
        }
        base += 0.5 * Noise.irwinHall(rng.next())
        for m in 0..<t.pointee.multiSelectCount {
            let question = t.pointee.multiSelects[m]
            var mask: UInt64 = 0
            var bits: UInt64 = 0
            for o in 0..<Int(question.count) {
                if o % 8 == 0 { bits = rng.next() }
                if (bits & 0xFF) < t.pointee.words[Int(question.thresholds) + o] { mask |= 1 << UInt64(o & 63) }
                bits >>= 8
            }
            scratch.selections[m] = mask
        }
        let weightNoise = Noise.irwinHall(rng.next())

        for c in 0..<t.pointee.columnCount {
            if c > 0 { buffer.append(0x2C) }
            switch t.pointee.columns[c] {
            case .respondent:
                buffer.appendDecimal(t.pointee.wave < 0 ? 0 : t.pointee.wave)
                buffer.append(0x2D)
                buffer.appendDecimal(i + 1, width: t.pointee.respondentWidth)
            case .wave:
                buffer.append(span: t.pointee.waveCell, of: t)
            case .province:
                buffer.append(span: t.pointee.provinceCells + Int32(province), of: t)
            case .district:
                buffer.append(span: t.pointee.districtPrefix, of: t)
                buffer.appendDecimal(Int(t.pointee.villageDistrict[village]) + 1, width: t.pointee.districtWidth)
            case .commune:
                buffer.append(span: t.pointee.communePrefix, of: t)
                buffer.appendDecimal(Int(t.pointee.villageCommune[village]) + 1, width: t.pointee.communeWidth)
            case .village:
                buffer.append(span: t.pointee.villagePrefix, of: t)
                buffer.appendDecimal(village + 1, width: t.pointee.villageWidth)
            case .service:
                buffer.append(span: services.cells + Int32(service), of: t)
            case .group(let g):
                buffer.append(span: t.pointee.categoricals[1 + g].cells + Int32(scratch.groups[g]), of: t)
            case .weight:
                if t.pointee.weights {
                    buffer.appendFixed(t.pointee.provinceWeights[province] * (1 + 0.15 * weightNoise), decimals: 2)
                } else {
                    buffer.append(0x31)
                }
            case .fpc:
                buffer.appendDecimal(t.pointee.provincePopulations[province])
            case .scored(let k):
                writeScored(t.pointee.items[k], base: base, rng: &rng, t, into: &buffer)
            case .multiSelect(let m):
                let question = t.pointee.multiSelects[m]
                let mask = scratch.selections[m]
                if mask != 0 {
                    if question.quoted { buffer.append(0x22) }
                    var written = false
                    for o in 0..<Int(question.count) where mask & (1 << UInt64(o & 63)) != 0 {
                        if written { buffer.append(span: question.separator, of: t) }
                        buffer.append(span: question.codes + Int32(o), of: t)
                        written = true
                    }
                    if question.quoted { buffer.append(0x22) }
                }
            case .option(let m, let o):
                buffer.append(scratch.selections[m] & (1 << UInt64(o & 63)) != 0 ? 0x31 : 0x30)
            case .text:
                let bits = rng.next()
                if bits & 0xFFFF < commentBelow {
                    Comments.write(positive: base > 0, bits: bits >> 16, more: rng.next(), tables: t, into: &buffer)
                }
            case .demographic(let d):
                let bits = scratch.demographicBits[d]
                let values = t.pointee.categoricals[1 + t.pointee.groupCount + d]
                let choice = Int32(scratch.demographics[d])
                if bits & 0xFFFF < demographicMissingBelow {
                    break
                } else if (bits >> 16) & 0xFFFF < demographicLabelBelow, values.labels >= 0 {
                    buffer.append(span: values.labels + choice, of: t)
                } else {
                    buffer.append(span: values.cells + choice, of: t)
                }
            }
        }
        buffer.append(span: t.pointee.lineEnd, of: t)
    }

    /// One scored cell, from one 64-bit draw: its top 16 bits decide between a non-answer
    /// code, a label and a code (``LatentScale``); its low 48 bits are the noise ε
    /// (``Noise/irwinHall3(_:)``), or pick among the non-answer codes of the kind drawn.
    @inline(__always)
    static func writeScored(
        _ item: CompiledPlan.Item, base: Double, rng: inout SeededGenerator, _ t: UnsafePointer<CompiledPlan.Tables>,
        into buffer: inout ByteBuffer
    ) {
        let scale = t.pointee.scales + Int(item.scale)
        let bits = rng.next()
        let fate = bits >> 48
        if fate < scale.pointee.notApplicableBelow {
            let (first, count) =
                fate < scale.pointee.noAnswerBelow ? (scale.pointee.missing.0, scale.pointee.missingCount.0)
                : fate < scale.pointee.dontKnowBelow ? (scale.pointee.missing.1, scale.pointee.missingCount.1)
                : (scale.pointee.missing.2, scale.pointee.missingCount.2)
            buffer.append(span: first + Int32((bits & 0xFFFF) % UInt64(count)), of: t)
            return
        }
        let latent = item.loading * base + item.mean + item.noise * Noise.irwinHall3(bits)
        let cuts = t.pointee.doubles + Int(scale.pointee.cuts)
        var position = 0
        for m in 0..<Int(scale.pointee.k - 1) { position &+= latent > cuts[m] ? 1 : 0 }
        var value = t.pointee.ints[Int(scale.pointee.values) + position]
        if item.reverse { value = scale.pointee.minValue + scale.pointee.maxValue - value }
        let point = value - scale.pointee.minValue
        if fate < scale.pointee.defaultLabelBelow {
            buffer.append(span: scale.pointee.labels + point, of: t)
        } else if fate < scale.pointee.otherLabelBelow {
            let language = 1 + Int32(Int(fate - scale.pointee.defaultLabelBelow) % t.pointee.otherLanguages)
            buffer.append(span: scale.pointee.labels + language * scale.pointee.k + point, of: t)
        } else {
            buffer.append(span: scale.pointee.codes + point, of: t)
        }
    }
}
