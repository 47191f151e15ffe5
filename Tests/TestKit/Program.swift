import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a program did: its exit status, what it wrote, and whether the test killed it.
public struct ProgramRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the program ended by a signal (the test's kill, or a crash).
    public var signalled: Bool
}

/// One way to run a program in tests.
///
/// Every program starts in a session of its own (`setsid`), so it has no controlling terminal even when the test
/// runner has one (a CI job in a pseudo-terminal): `confidant` then never waits on `/dev/tty` for a passphrase. It
/// starts with an empty signal mask and default signal dispositions, whatever the test runner blocked. Standard
/// input, output and error are pipes, served together so that neither side can fill a pipe and wait for ever.
public final class RunningProgram {
    public let pid: pid_t
    private var input: Int32
    private let output: Int32
    private let errors: Int32
    private var finished: ProgramRun?

    public static func start(_ path: String, _ arguments: [String], environment: [String: String],
                             currentDirectory: String? = nil) throws -> RunningProgram {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ProgramError("\(path) is not an executable file (build first: swift build --build-tests).")
        }
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        // Close-on-exec: a program started at the same moment by another test must not inherit this one's pipe ends
        // (holding the write end of another program's standard input, each would wait for the other's end of file).
        // The copies made onto 0, 1 and 2 in the child are not close-on-exec.
        guard let pipe2 = Self.pipe2 else { throw ProgramError("pipe2 is missing") }
        guard pipe2(&stdinPipe, O_CLOEXEC) == 0, pipe2(&stdoutPipe, O_CLOEXEC) == 0, pipe2(&stderrPipe, O_CLOEXEC) == 0 else {
            throw ProgramError("pipe failed: errno \(errno)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stdoutPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        if let currentDirectory {
            guard let addChdir = Self.addChdir else { throw ProgramError("posix_spawn_file_actions_addchdir_np is missing") }
            _ = addChdir(&actions, currentDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGCHLD, SIGPIPE, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc 2.26+), hidden behind _GNU_SOURCE in the headers
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | setsid))

        let argv = [path] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, &cArgs, &cEnv)
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        guard result == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw ProgramError("\(path) could not be started (posix_spawn error \(result)).")
        }
        return RunningProgram(pid: pid, input: stdinPipe[1], output: stdoutPipe[0], errors: stderrPipe[0])
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which its headers hide behind _GNU_SOURCE.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    /// glibc's pipe2 (not in the Glibc module without _GNU_SOURCE), found as addchdir is.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private static let pipe2: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np")  // nil: RTLD_DEFAULT
        .map { unsafeBitCast($0, to: AddChdir.self) }

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
        signal(SIGPIPE, SIG_IGN)  // a program that exits before reading its input must not kill the test runner
    }

    deinit {
        if finished == nil { _ = try? finish(killAfter: 0) }
    }

    /// Writes `input` to the program's standard input and closes it, collects its output until it exits, and
    /// returns how it ended. With `killAfter`, a program still running after that many seconds gets SIGKILL.
    public func finish(input text: Data? = nil, killAfter: TimeInterval? = nil) throws -> ProgramRun {
        if let finished { return finished }
        var pending = text ?? Data()
        var out = Data(), err = Data()
        var openOutput = true, openErrors = true
        let deadline = killAfter.map { Date().addingTimeInterval($0) }
        var killed = false
        if pending.isEmpty { close(input); input = -1 } else { _ = fcntl(input, F_SETFL, O_NONBLOCK) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while openOutput || openErrors {
            var fds: [pollfd] = []
            if input >= 0 { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            if openOutput { fds.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            if openErrors { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            var timeout: Int32 = -1
            if let deadline, !killed {
                timeout = Int32(max(0, deadline.timeIntervalSinceNow * 1000).rounded(.up))
            }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw ProgramError("poll failed: errno \(errno)")
            }
            if ready == 0, !killed {
                kill(pid, SIGKILL)
                killed = true
                continue
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == input {
                    let written = pending.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
                    if written > 0 { pending.removeFirst(written) }
                    if written < 0 && errno != EAGAIN || pending.isEmpty { close(input); input = -1 }
                } else {
                    let count = read(entry.fd, &buffer, buffer.count)
                    if count > 0 {
                        if entry.fd == output { out.append(contentsOf: buffer[0..<count]) } else { err.append(contentsOf: buffer[0..<count]) }
                    } else if count == 0 || errno != EINTR && errno != EAGAIN {
                        if entry.fd == output { openOutput = false } else { openErrors = false }
                    }
                }
            }
        }
        if input >= 0 { close(input); input = -1 }
        close(output); close(errors)
        let status = try wait()
        let run = ProgramRun(status: status.code, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self), signalled: status.signalled)
        finished = run
        return run
    }

    /// Sends a signal to the program.
    public func send(_ signal: Int32) { kill(pid, signal) }

    private func wait() throws -> (code: Int32, signalled: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ProgramError("waitpid failed: errno \(errno)") }
        }
        let signalNumber = status & 0x7f
        return signalNumber == 0 ? ((status >> 8) & 0xff, false) : (signalNumber, true)
    }
}

/// Runs a program to its end; see `RunningProgram` for how it is started.
@discardableResult
public func runProgram(_ path: String, _ arguments: [String], environment: [String: String],
                       stdin: String? = nil, currentDirectory: String? = nil,
                       killAfter: TimeInterval? = nil) throws -> ProgramRun {
    let program = try RunningProgram.start(path, arguments, environment: environment, currentDirectory: currentDirectory)
    return try program.finish(input: stdin.map { Data($0.utf8) }, killAfter: killAfter)
}

public struct ProgramError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
