import Foundation
import Testing

/// Output files under a setgid installation: an operator's -o path is written with the operator's own group, so
/// the data group's folder (and the database in it) cannot be written through export, report, notice or backup.
@Suite("Output files of a setgid civgrid (real OS users)", .serialized)
struct SetgidOutputTests {
    @Test("export, report, notice and backup -o cannot write into the data folder; an operator's file gets the operator's group",
          .enabled(if: SharedOffice.isRoot, "needs root to create OS users and a group (run the suite as root, as CI does)"))
    func outputsAsOperator() throws {
        let office = try SharedOffice("out")
        let alice = office.user("oa"), bob = office.user("ob")
        let data = office.data, mine = office.root + "/bob"
        SharedOffice.shell("mkdir -p \(mine) && chown \(bob):\(bob) \(mine)")
        #expect(try office.civgrid(as: alice, ["demo"]).code == 0)
        #expect(try office.civgrid(as: alice, ["operator", "add", bob, "--name", "鲍勃", "--role", "inspector"]).code == 0)

        let attempts: [[String]] = [
            ["export", "--kind", "communities", "-o", data + "/grid.sqlite"],
            ["export", "--kind", "communities", "-o", data + "/planted.csv"],
            ["report", "-o", data + "/report.md"],
            ["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--preview", "-o", data + "/notice.txt"],
            ["backup", "-o", data + "/copy.sqlite"],
        ]
        for args in attempts {
            let r = try office.civgrid(as: bob, args)
            #expect(r.code != 0, "\(args.prefix(3)) wrote into the data folder")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: data).filter { !$0.hasPrefix("grid.sqlite") }
        #expect(left.isEmpty, "nothing new in the data folder: \(left)")
        #expect(try office.civgrid(as: alice, ["check"]).code == 0, "the database is intact")

        let export = try office.civgrid(as: bob, ["export", "--kind", "communities", "-o", mine + "/out.csv"])
        #expect(export.code == 0, "\(export.err)")
        #expect(SharedOffice.groupName(ofFile: mine + "/out.csv") == bob, "the operator's file has the operator's group, not the data group")
        #expect(try office.civgrid(as: bob, ["backup", "-o", mine + "/copy.sqlite"]).code == 0)
        #expect(SharedOffice.groupName(ofFile: mine + "/copy.sqlite") == bob)
    }
}
