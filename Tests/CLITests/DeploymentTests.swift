import Foundation
import Testing

/// The shared office deployment end to end, with real OS users. Runs only as root (it creates a group and users and
/// removes them afterwards); elsewhere it says why it did not run.
@Suite("Shared office server (real OS users)", .serialized)
struct DeploymentTests {
    @Test("two operators in different groups share one database through setgid civgrid; neither can open it with sqlite3",
          .enabled(if: SharedOffice.isRoot, "needs root to create OS users and a group (run the suite as root, as CI does)"))
    func sharedOffice() throws {
        let office = try SharedOffice("deploy")
        let alice = office.user("alice"), bob = office.user("bob")
        let demo = try office.civgrid(as: alice, ["demo"])
        #expect(demo.code == 0, "\(demo.err)")
        #expect(try office.civgrid(as: alice, ["operator", "add", bob, "--name", "鲍勃", "--role", "inspector"]).code == 0)
        let tree = try office.civgrid(as: bob, ["tree"])
        #expect(tree.code == 0, "bob reads alice's database: \(tree.err)")
        #expect(try office.civgrid(as: bob, ["operator", "list"]).out.contains(bob))
        let file = office.data + "/grid.sqlite"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: file + suffix) {
            #expect(SharedOffice.groupName(ofFile: file + suffix) == office.group, "grid.sqlite\(suffix) belongs to the data group")
        }
        // The audit knows bob by his real uid; claiming to be alice is refused.
        let claim = try office.civgrid(as: bob, ["operator", "add", "mallory", "--name", "x", "--role", "admin"], env: ["CIVGRID_LOGIN": alice])
        #expect(claim.code == 3, "\(claim.err)")
        // Outside civgrid the file is out of reach.
        #expect(try office.run(as: bob, ["/usr/bin/sqlite3", file, "UPDATE cell SET status = 'ok'"]).code != 0)
        #expect(try office.run(as: bob, ["/bin/cat", file]).code != 0)
        // After both wrote, the owner still writes (no file left that locks others out).
        #expect(try office.civgrid(as: alice, ["operator", "set", bob, "--role", "clerk"]).code == 0)
        #expect(try office.civgrid(as: bob, ["check"]).code == 0)
    }
}
