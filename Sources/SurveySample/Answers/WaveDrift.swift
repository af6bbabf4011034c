import SurveySchema

/// How the wave moves the criteria's means: a drift per aspect per wave, fixed by the
/// aspect's position in the indicator tree (not by the seed), so that the change between two
/// waves can be stated in advance and checked in `compare`'s output.
///
/// The aspects are the aggregates that hold criteria directly, in tree order (a criterion at
/// the top level, outside any aggregate, is its own aspect). With A aspects numbered
/// a = 0…A−1 and the declining aspect d = A / 2 (integer division), the drift per wave on the
/// latent scale is
///
///     δ_d = −0.30,   δ_a = 0.05·(1 + a mod 3) for a ≠ d   (0.05, 0.10, 0.15, 0.05, …),
///
/// and a criterion of aspect a answered in wave w has its mean moved by δ_a·(w − baseWave).
/// A wave one later is therefore a little better in most aspects and worse in one. A shift δ
/// moves a share p by about φ(Φ⁻¹(p))·δ/σ with σ ≈ 0.86 the latent sd: near p = 85% that is
/// 27·δ points (0.05 ≈ +1.4 pp, 0.10 ≈ +2.7 pp, 0.15 ≈ +4 pp, −0.30 ≈ −8 pp), near 95%
/// 12·δ points (+0.6, +1.2, +1.8, −3.6 pp).
/// The overall-satisfaction question drifts by the mean of the aspects' δ.
public struct WaveDrift: Sendable, Hashable {
    /// One aspect and its drift per wave.
    public struct Aspect: Sendable, Hashable {
        /// The aspect's id (an aggregate's id, or a top-level criterion's own id).
        public var id: String
        /// The aspect's position among the aspects, in tree order.
        public var position: Int
        /// The shift of its criteria's latent mean per wave.
        public var perWave: Double
        /// The ids of its criteria.
        public var criteria: [String]
    }

    /// The aspects in tree order with their drift.
    public let aspects: [Aspect]

    /// The drift of `survey`'s aspects.
    public init(survey: Survey) {
        var groups: [(id: String, criteria: [String])] = []
        // Tree order: depth first; an aggregate is recorded, with the criteria it holds
        // directly, when the walk reaches it.
        func walk(_ nodes: [Indicator], parent: String?) {
            let direct = nodes.compactMap { node -> String? in
                if case .criterion(let criterion) = node { return criterion.id }
                return nil
            }
            if let parent, !direct.isEmpty { groups.append((parent, direct)) }
            for node in nodes {
                switch node {
                case .criterion(let criterion) where parent == nil:
                    groups.append((criterion.id, [criterion.id]))
                case .aggregate(let aggregate):
                    walk(aggregate.children, parent: aggregate.id)
                default:
                    break
                }
            }
        }
        walk(survey.indicators, parent: nil)
        let declining = groups.count / 2
        aspects = groups.enumerated().map { position, group in
            Aspect(id: group.id, position: position, perWave: WaveDrift.perWave(position: position, declining: declining),
                   criteria: group.criteria)
        }
    }

    /// δ for the aspect at `position` when the declining aspect is `declining`.
    static func perWave(position: Int, declining: Int) -> Double {
        position == declining ? -0.30 : [0.05, 0.10, 0.15][position % 3]
    }

    /// The drift per wave of the criterion with `id` (0 when it is in no aspect).
    public func perWave(criterion id: String) -> Double {
        aspects.first { $0.criteria.contains(id) }?.perWave ?? 0
    }

    /// The mean drift per wave over the aspects (the overall question's drift).
    public var meanPerWave: Double {
        aspects.isEmpty ? 0 : aspects.map(\.perWave).reduce(0, +) / Double(aspects.count)
    }
}
