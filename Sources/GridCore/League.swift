/// One row of a league table as published: the score line, its place and whether it is named among the
/// bottom three (倒数).
public struct LeagueRow: Hashable, Sendable {
    /// The unit's or property company's score and deductions.
    public var line: ScoreLine
    /// 1 for the best; equal printed scores share a place (1, 2, 2, 4).
    public var place: Int
    /// Named among the bottom three: it lost points and fewer than three score lower, so ties at the edge
    /// are all named and a unit without deductions never is.
    public var isBottomThree: Bool
}

extension Scoring {
    /// The league best first (`league`'s lowest-first lines reversed) with places and the bottom three.
    public static func table(_ lowestFirst: [ScoreLine]) -> [LeagueRow] {
        // How many lines have each printed score, and how many score below it.
        var tally: [Int: Int] = [:]
        for line in lowestFirst { tally[line.hundredths, default: 0] += 1 }
        var below: [Int: Int] = [:], seen = 0
        for score in tally.keys.sorted() {
            below[score] = seen
            seen += tally[score]!
        }
        return lowestFirst.reversed().map { line in
            let worse = below[line.hundredths]!
            let better = lowestFirst.count - worse - tally[line.hundredths]!
            return LeagueRow(line: line, place: better + 1, isBottomThree: !line.deductions.isEmpty && line.hundredths < 10_000 && worse < 3)
        }
    }
}
