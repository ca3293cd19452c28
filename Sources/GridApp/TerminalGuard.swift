import Foundation
import Synchronization

/// The last signal asked to end the console (SIGINT, SIGTERM, SIGHUP, SIGQUIT), 0 while none; polled by the loop.
let pendingQuitSignal = Atomic<Int32>(0)

/// The one terminal-restore path, shared by normal exit, errors, quit signals and crashes. Idempotent.
nonisolated(unsafe) var restoreTerminalHook: (() -> Void)?
nonisolated(unsafe) private var previousCrashActions: [Int32: sigaction] = [:]

enum TerminalGuard {
    /// Installs handlers before ncurses starts, so ncurses leaves these signals to us: quit signals
    /// only set a flag (the loop then exits cleanly); crash signals restore the terminal, then pass on.
    static func install() {
        // Dispositions and masks are inherited across exec: a parent that ignored or blocked job-control
        // or resize signals would leave the console deaf to Ctrl-Z and window changes. Start from defaults.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGWINCH, SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU, SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig, SIG_DFL)
            sigaddset(&unblock, sig)
        }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        // SIGQUIT (Ctrl-\\) too: by default it dumps core with the alternate screen, a hidden cursor and mouse
        // reporting left on; here it ends the console cleanly like the others (exit 131).
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { sig in pendingQuitSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0
            sigaction(sig, &sa, nil)
        }
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var sa = sigaction()
            sa.__sigaction_handler.sa_sigaction = { sig, info, context in
                restoreTerminalHook?()
                restoreTerminalHook = nil
                if var old = previousCrashActions[sig] {
                    if old.sa_flags & Int32(SA_SIGINFO) != 0, let handler = old.__sigaction_handler.sa_sigaction {
                        handler(sig, info, context)
                        return
                    }
                    sigaction(sig, &old, nil)
                } else {
                    signal(sig, SIG_DFL)
                }
                raise(sig)
            }
            sa.sa_flags = Int32(SA_SIGINFO)
            sigemptyset(&sa.sa_mask)
            var old = sigaction()
            sigaction(sig, &sa, &old)
            previousCrashActions[sig] = old
        }
    }

    /// Makes sure Swift's backtracer can never stop on an operator's screen with its interactive prompt
    /// ("Press space to interact, D to debug…", 30 s in raw mode, swallowing the next typed command).
    ///
    /// The runtime reads `SWIFT_BACKTRACE` once, before `main`, so setting it later has no effect: when a
    /// terminal is attached and the variable does not already choose `interactive=`, the variable is set and
    /// the process re-executes itself once (the backtracer is interactive only on a terminal, so scripts and
    /// pipes never pay for this). If the re-exec fails, civgrid carries on.
    static func disableInteractiveBacktracer() {
        guard isatty(0) == 1 || isatty(1) == 1 || isatty(2) == 1 else { return }
        let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? ""
        guard !current.contains("interactive=") else { return }
        setenv("SWIFT_BACKTRACE", current.isEmpty ? "interactive=no" : current + ",interactive=no", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// Restores the terminal once; later calls do nothing.
    static func restore() {
        let hook = restoreTerminalHook
        restoreTerminalHook = nil
        hook?()
    }
}

/// Sends stderr to a file while the screen is up (a stray message would corrupt it) and replays it after.
final class StderrCapture {
    private let saved: Int32
    private let path: String

    init?() {
        path = NSTemporaryDirectory() + "civgrid-stderr-\(getpid()).log"
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else { return nil }
        saved = dup(2)
        dup2(fd, 2)
        close(fd)
    }

    /// Puts stderr back and prints what was captured.
    func finish() {
        dup2(saved, 2)
        close(saved)
        if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
            Output.error(String(decoding: data, as: UTF8.self))
        }
        unlink(path)
    }
}
