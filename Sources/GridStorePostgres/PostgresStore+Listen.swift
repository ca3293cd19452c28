import Foundation
import GridCore
import Synchronization

/// Live refresh without polling the server: a second connection LISTENs on `civgrid`, which every write transaction
/// notifies when it commits (the change marker's trigger), so an open console learns of a change made anywhere as
/// soon as the server delivers it.
final class PGChangeListener: Sendable {
    /// What the notification handlers update, on the listening connection's event loop.
    final class Counters: Sendable {
        /// Notifications received so far.
        let count = Atomic<Int>(0)
        /// Whether the listening connection is still up.
        let alive = Atomic<Bool>(true)
    }

    let counters = Counters()
    let session: PGSession

    init(location: PostgresLocation) throws(GridError) {
        session = try PGSession(location: location)
        let counters = self.counters
        try session.listen("civgrid", onNotify: { counters.count.add(1, ordering: .relaxed) },
                           onClose: { counters.alive.store(false, ordering: .relaxed) })
    }
}

extension PostgresStore {
    /// Starts listening for commits (the console calls this once). From then on `changeMarker()` answers from the
    /// notifications received, without a query; if the listening connection drops, it polls the marker row again.
    public func listenForChanges() throws(GridError) {
        let listener = try PGChangeListener(location: location)
        // Count from the stored marker so the value stays comparable with what was read before listening started.
        let base = try polledChangeMarker()
        listenerState.withLock { $0 = (listener, base) }
    }

    /// `listenForChanges()` on a thread of its own, so the console's first frame does not wait for a second connection
    /// (a server process forked, authenticated and subscribed: about 10 ms). Until it is up — or if it cannot be —
    /// `changeMarker()` reads the marker row on the console's idle tick, as it does when the listener drops.
    public func startListeningForChanges() {
        Thread.detachNewThread { [self] in
            guard (try? listenForChanges()) != nil else { return }
            // Closed while connecting: nothing will close this listener but us.
            if closed.load(ordering: .relaxed) { listenerState.withLock { $0?.0.session.close(); $0 = nil } }
        }
    }

    /// The change marker: from notifications while a listener is up, else read from the marker row.
    public func changeMarker() throws(GridError) -> Int {
        if let (listener, base) = listenerState.withLock({ $0 }), listener.counters.alive.load(ordering: .relaxed) {
            return base + listener.counters.count.load(ordering: .relaxed)
        }
        return try polledChangeMarker()
    }

    /// The marker row, bumped by every write transaction (`PostgresStore.write`), whichever process or machine made it.
    func polledChangeMarker() throws(GridError) -> Int {
        try read { s throws(GridError) in Int(try s.int("SELECT n FROM change_marker WHERE id = 1") ?? 0) }
    }
}
