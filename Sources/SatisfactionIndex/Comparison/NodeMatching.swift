import SurveySchema

/// Matches the nodes and scored questions of two survey editions through the later edition's
/// declarations.
///
/// Rules (docs/methods-compare.md, "Matching"):
/// - a later node matches the earlier node whose id is its `continues`, or its own id;
/// - `comparable: false` on the later node → not comparable, with the reason;
/// - a criterion in one edition and an aggregate in the other, a different measure, or a
///   different scale (points or satisfied band) → not comparable;
/// - an aggregate is compared only when every child is compared and the children match the
///   earlier node's children one to one ("children changed: …" otherwise), unless the later
///   edition declares the aggregate's continuity with `continues` (the only explicit marker the
///   survey format offers: `comparable` defaults to true, so `comparable: true` cannot be told
///   from its absence) or the caller lists it in ``ComparisonOptions/declaredComparable``;
///   an aggregate whose combination rule changed is never compared;
/// - a later node matching nothing is `added`; an earlier node no later node matches is `dropped`.
enum NodeMatching {
    static func match(earlier: Survey, later: Survey, declared: Set<String>) -> [NodeMatch] {
        var earlierNodes: [String: Indicator] = [:]
        for node in allNodes(earlier) { earlierNodes[node.id] = node }
        var memo: [String: NodeMatch] = [:]
        let edition = "survey \(later.id) \(later.version)"

        func scaleChanged(_ a: String?, _ b: String?) -> Bool {
            guard let a, let b, let sa = earlier.scale(id: a), let sb = later.scale(id: b) else { return a != b }
            return sa.points.map(\.value) != sb.points.map(\.value) || Set(sa.satisfied) != Set(sb.satisfied)
        }

        func status(_ node: Indicator) -> NodeMatch {
            if let known = memo[node.id] { return known }
            let kind: NodeMatch.Kind = node.children.isEmpty ? .criterion : .aggregate
            let previous = node.continues ?? node.id
            let result: NodeMatch
            if let old = earlierNodes[previous] {
                let oldKind: NodeMatch.Kind = old.children.isEmpty ? .criterion : .aggregate
                if oldKind != kind {
                    result = NodeMatch(id: node.id, previousID: previous, kind: kind, status: .notComparable,
                                       reason: "a \(oldKind.rawValue) in the earlier edition, an \(kind.rawValue) in the later")
                } else if !node.comparable {
                    result = NodeMatch(id: node.id, previousID: previous, kind: kind, status: .notComparable,
                                       reason: "declared not comparable (comparable: false) in \(edition)")
                } else if earlier.index.measure != later.index.measure {
                    result = NodeMatch(id: node.id, previousID: previous, kind: kind, status: .notComparable,
                                       reason: "measure changed: \(earlier.index.measure.rawValue) → \(later.index.measure.rawValue)")
                } else if case .criterion(let c) = node, case .criterion(let o) = old, scaleChanged(o.scale, c.scale) {
                    result = NodeMatch(id: node.id, previousID: previous, kind: kind, status: .notComparable,
                                       reason: "scale changed: \(o.scale) → \(c.scale)")
                } else if case .aggregate(let a) = node, case .aggregate(let o) = old {
                    result = aggregateStatus(a, old: o, previous: previous)
                } else {
                    result = NodeMatch(id: node.id, previousID: previous, kind: kind, status: .compared)
                }
            } else {
                let reason = node.continues.map { "continues \"\($0)\", which the earlier edition does not have" }
                result = NodeMatch(id: node.id, previousID: nil, kind: kind, status: .added, reason: reason)
            }
            memo[node.id] = result
            return result
        }

        func aggregateStatus(_ node: Aggregate, old: Aggregate, previous: String) -> NodeMatch {
            let ruleNew = node.combine ?? later.index.combine, ruleOld = old.combine ?? earlier.index.combine
            if ruleNew != ruleOld {
                return NodeMatch(id: node.id, previousID: previous, kind: .aggregate, status: .notComparable,
                                 reason: "combination rule changed: \(ruleOld.rawValue) → \(ruleNew.rawValue)")
            }
            let children = node.children.map(status)
            let matchedOld = Set(children.filter { $0.status == .compared }.compactMap(\.previousID))
            let oldChildren = old.children.map(\.id)
            var changes: [String] = []
            let added = children.filter { $0.status == .added }.map(\.id)
            if !added.isEmpty { changes.append("added \(added.joined(separator: ", "))") }
            let linked = Set(children.compactMap(\.previousID))
            let dropped = oldChildren.filter { !linked.contains($0) }
            if !dropped.isEmpty { changes.append("dropped \(dropped.joined(separator: ", "))") }
            let notComparable = children.filter { $0.status == .notComparable }.map(\.id)
            if !notComparable.isEmpty { changes.append("not comparable \(notComparable.joined(separator: ", "))") }
            if changes.isEmpty && matchedOld == Set(oldChildren) {
                return NodeMatch(id: node.id, previousID: previous, kind: .aggregate, status: .compared)
            }
            let what = "children changed: " + changes.joined(separator: "; ")
            if node.continues != nil || declared.contains(node.id) {
                let how = node.continues != nil ? "the \(edition) declares it continues \"\(previous)\"" : "the caller declares it comparable"
                return NodeMatch(id: node.id, previousID: previous, kind: .aggregate, status: .compared,
                                 reason: "\(what); compared because \(how)")
            }
            return NodeMatch(id: node.id, previousID: previous, kind: .aggregate, status: .notComparable, reason: what)
        }

        var result = allNodes(later).map(status)
        // Questions.
        let oldQuestions = Dictionary(earlier.questions.filter(\.kind.isScored).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for q in later.questions where q.kind.isScored {
            let previous = q.continues ?? q.id
            guard let old = oldQuestions[previous] else {
                let reason = q.continues.map { "continues \"\($0)\", which the earlier edition does not have" }
                result.append(NodeMatch(id: q.id, previousID: nil, kind: .question, status: .added, reason: reason))
                continue
            }
            var reason: String?
            if old.kind != q.kind {
                reason = "question kind changed: \(old.kind.rawValue) → \(q.kind.rawValue)"
            } else if !q.comparable {
                reason = "declared not comparable (comparable: false) in \(edition)"
            } else if scaleChanged(old.scale, q.scale) {
                reason = "scale changed: \(old.scale ?? "none") → \(q.scale ?? "none")"
            }
            result.append(NodeMatch(id: q.id, previousID: previous, kind: .question,
                                    status: reason == nil ? .compared : .notComparable, reason: reason))
        }
        // Dropped: earlier nodes and questions that no later one links to.
        let linked = Set(result.compactMap(\.previousID))
        for node in allNodes(earlier) where !linked.contains(node.id) {
            result.append(NodeMatch(id: node.id, previousID: nil, kind: node.children.isEmpty ? .criterion : .aggregate,
                                    status: .dropped))
        }
        for q in earlier.questions where q.kind.isScored && !linked.contains(q.id) {
            result.append(NodeMatch(id: q.id, previousID: nil, kind: .question, status: .dropped))
        }
        return result
    }

    /// The root and every node below it, parents before children (the order of ``GroupResult/nodes``).
    static func allNodes(_ survey: Survey) -> [Indicator] {
        var out: [Indicator] = []
        func walk(_ node: Indicator) {
            out.append(node)
            node.children.forEach(walk)
        }
        walk(.aggregate(survey.root))
        return out
    }
}
