/// A key as the application sees it, after the backend decoded the terminal's bytes.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    /// Creates a mouse event.
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What the terminal reports.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Nothing happened within the poll interval (time for live refresh).
    case tick
}

/// What a terminal can do. The real one is ncurses; tests use `MemoryBackend`.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Writes cells (not yet visible until `flush`).
    func draw(_ changes: [CellChange])
    /// Shows the cursor at a cell, or hides it.
    func setCursor(_ position: (x: Int, y: Int)?)
    /// Forgets what is on the screen so the next draw repaints everything (Ctrl-L, resume, resize).
    func invalidate()
    /// Makes the drawn cells visible.
    func flush()
    /// Waits up to `timeoutMilliseconds` for an event.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent
}

/// A virtual screen for tests and benchmarks: records what was drawn and how many cells were sent.
public final class MemoryBackend: TerminalBackend {
    public private(set) var screen: Buffer
    /// Cells sent by `draw` since creation.
    public private(set) var cellsWritten = 0
    /// Number of flushes.
    public private(set) var flushes = 0
    public private(set) var cursor: (x: Int, y: Int)?
    /// Events `nextEvent` returns in order; `.tick` when empty.
    public var pendingEvents: [TerminalEvent] = []
    /// Control sequences sent (`ControlSequenceBackend`), in order.
    public var controlSequences: [[UInt8]] = []

    /// A blank virtual screen.
    public init(width: Int, height: Int) { screen = Buffer(width: width, height: height) }

    public var size: (width: Int, height: Int) { (screen.width, screen.height) }

    /// Changes the size, as a terminal resize would.
    public func resize(width: Int, height: Int) { screen = Buffer(width: width, height: height) }

    public func draw(_ changes: [CellChange]) {
        cellsWritten += changes.count
        for c in changes {
            screen.put(c.cell.isContinuation ? "" : c.cell.text, x: c.x, y: c.y, style: c.cell.style, maxX: screen.width)
        }
    }

    public func setCursor(_ position: (x: Int, y: Int)?) { cursor = position }
    public func invalidate() {}
    public func flush() { flushes += 1 }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        pendingEvents.isEmpty ? .tick : pendingEvents.removeFirst()
    }
}

/// Keeps the last frame and sends only the difference to the backend.
public final class Terminal {
    public let backend: any TerminalBackend
    private var previous: Buffer?

    /// Wraps a backend.
    public init(backend: any TerminalBackend) { self.backend = backend }

    /// Draws `buffer`, sending only changed cells (all of them after `invalidate` or a size change).
    /// Returns the number of cells sent.
    @discardableResult
    public func draw(_ buffer: Buffer) -> Int {
        let changes = BufferDiff.changes(from: previous, to: buffer)
        if !changes.isEmpty { backend.draw(changes) }
        backend.setCursor(buffer.cursor)
        backend.flush()
        previous = buffer
        return changes.count
    }

    /// Forces the next draw to repaint everything.
    public func invalidate() {
        previous = nil
        backend.invalidate()
    }
}
