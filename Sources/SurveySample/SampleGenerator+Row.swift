import SurveyStatistics

/// Per-row choices, kept between rows so the hot loop allocates nothing.
struct RowScratch {
    var groups: [Int]
    var demographics: [Int]
    var demographicBits: [UInt64]
    var selections: [UInt64]

    init(plan: SamplePlan) {
        groups = Array(repeating: 0, count: plan.groups.count)
        demographics = Array(repeating: 0, count: plan.demographics.count)
        demographicBits = Array(repeating: 0, count: plan.demographics.count)
        selections = Array(repeating: 0, count: plan.multiSelects.count)
    }
}

extension SampleGenerator {
    /// Label choice on 16 random bits: below 1.5% the default language's label, below 2%
    /// another language's.
    static let defaultLabelBelow: UInt64 = 983
    static let otherLabelBelow: UInt64 = 1311
    /// Demographics: 1% empty, 0.5% written as the default language's label (on 16 bits).
    static let demographicMissingBelow: UInt64 = 655
    static let demographicLabelBelow: UInt64 = 328
    /// A quarter of respondents write a comment (on 16 bits).
    static let commentBelow: UInt64 = 16384

    /// Writes respondent `i`'s row. Draws, in order: the service, each other grouping, each
    /// demographic, the person effect, each multi-select question, the weight noise; then one
    /// or two draws per column as the column needs them.
    @inline(__always)
    func writeRow(_ i: Int, into buffer: inout ByteBuffer, scratch: inout RowScratch) {
        let plan = self.plan
        let geography = plan.geography
        var rng = SeededGenerator(seed: SplitMix64.mix(plan.peopleSeed &+ UInt64(i)))
        let village = geography.village(of: i)
        let province = Int(geography.villageProvince[village])
        let service = plan.services.index(for: rng.next() & 0xFFFF_FFFF)
        var base = geography.provinceEffects[province] + geography.villageEffects[village] + plan.services.effects[service]
        for g in plan.groups.indices {
            let choice = plan.groups[g].index(for: rng.next() & 0xFFFF_FFFF)
            scratch.groups[g] = choice
            base += plan.groups[g].effects[choice]
        }
        for d in plan.demographics.indices {
            let bits = rng.next()
            let choice = plan.demographics[d].index(for: bits & 0xFFFF_FFFF)
            scratch.demographics[d] = choice
            scratch.demographicBits[d] = bits >> 32
            base += plan.demographics[d].effects[choice]
        }
        base += 0.5 * Noise.irwinHall(rng.next())
        for m in plan.multiSelects.indices {
            var mask: UInt64 = 0
            var bits: UInt64 = 0
            for (o, threshold) in plan.multiSelects[m].thresholds.enumerated() {
                if o % 8 == 0 { bits = rng.next() }
                if (bits & 0xFF) < threshold { mask |= 1 << UInt64(o & 63) }
                bits >>= 8
            }
            scratch.selections[m] = mask
        }
        let weightNoise = Noise.irwinHall(rng.next())

        var first = true
        for column in plan.columns {
            if first { first = false } else { buffer.append(0x2C) }
            switch column {
            case .respondent:
                buffer.appendDecimal(options.wave < 0 ? 0 : options.wave)
                buffer.append(0x2D)
                buffer.appendDecimal(i + 1, width: plan.respondentWidth)
            case .wave:
                buffer.append(plan.waveCell)
            case .province:
                buffer.append(plan.provinceCells[province])
            case .district:
                buffer.append(plan.districtPrefix)
                buffer.appendDecimal(Int(geography.villageDistrict[village]) + 1, width: plan.districtWidth)
            case .commune:
                buffer.append(plan.communePrefix)
                buffer.appendDecimal(Int(geography.villageCommune[village]) + 1, width: plan.communeWidth)
            case .village:
                buffer.append(plan.villagePrefix)
                buffer.appendDecimal(village + 1, width: plan.villageWidth)
            case .service:
                buffer.append(plan.services.cells[service])
            case .group(let g):
                buffer.append(plan.groups[g].cells[scratch.groups[g]])
            case .weight:
                if plan.weights {
                    buffer.appendFixed(geography.provinceWeights[province] * (1 + 0.15 * weightNoise), decimals: 2)
                } else {
                    buffer.append(0x31)
                }
            case .fpc:
                buffer.appendDecimal(geography.provincePopulations[province])
            case .scored(let k):
                writeScored(plan.items[k], base: base, rng: &rng, into: &buffer)
            case .multiSelect(let m):
                let question = plan.multiSelects[m]
                let mask = scratch.selections[m]
                if mask != 0 {
                    if question.quoted { buffer.append(0x22) }
                    var written = false
                    for o in question.codes.indices where mask & (1 << UInt64(o & 63)) != 0 {
                        if written { buffer.append(question.separator) }
                        buffer.append(question.codes[o])
                        written = true
                    }
                    if question.quoted { buffer.append(0x22) }
                }
            case .option(let m, let o):
                buffer.append(scratch.selections[m] & (1 << UInt64(o & 63)) != 0 ? 0x31 : 0x30)
            case .text:
                let bits = rng.next()
                if bits & 0xFFFF < SampleGenerator.commentBelow {
                    Comments.write(positive: base > 0, bits: bits >> 16, more: rng.next(), into: &buffer)
                }
            case .demographic(let d):
                let bits = scratch.demographicBits[d]
                let values = plan.demographics[d]
                if bits & 0xFFFF < SampleGenerator.demographicMissingBelow {
                    break
                } else if (bits >> 16) & 0xFFFF < SampleGenerator.demographicLabelBelow, !values.labelCells.isEmpty {
                    buffer.append(values.labelCells[0][scratch.demographics[d]])
                } else {
                    buffer.append(values.cells[scratch.demographics[d]])
                }
            }
        }
        buffer.append(plan.lineEnd)
    }

    /// One scored cell: a non-answer code, or the point cut from the latent value, written as
    /// its code or, now and then, its label.
    @inline(__always)
    func writeScored(_ item: SamplePlan.ScoredItem, base: Double, rng: inout SeededGenerator, into buffer: inout ByteBuffer) {
        let scale = plan.scales[item.scale]
        let noise = rng.next()
        let bits = rng.next()
        let missing = bits & 0xFFFF_FFFF
        if missing < scale.notApplicableBelow {
            let kind = missing < scale.noAnswerBelow ? 0 : (missing < scale.dontKnowBelow ? 1 : 2)
            let codes = scale.missingCells[kind]
            buffer.append(codes[Int((bits >> 48) % UInt64(codes.count))])
            return
        }
        let latent = item.loading * base + item.mean + item.noise * Noise.irwinHall(noise)
        var value = scale.value(at: latent)
        if item.reverse { value = scale.minValue + scale.maxValue - value }
        let point = value - scale.minValue
        let label = (bits >> 32) & 0xFFFF
        if label < SampleGenerator.defaultLabelBelow {
            buffer.append(scale.labelCells[0][point])
        } else if label < SampleGenerator.otherLabelBelow && plan.otherLanguages > 0 {
            buffer.append(scale.labelCells[1 + Int((bits >> 48) % UInt64(plan.otherLanguages))][point])
        } else {
            buffer.append(scale.codeCells[point])
        }
    }
}
