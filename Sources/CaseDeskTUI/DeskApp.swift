import CaseCore
import CaseStore
import Foundation

/// The case desk as a state machine, without a terminal: keys in, a ``ScreenBuffer`` out.
///
/// It holds the screen stack (queue at the bottom, then detail, forms, help), the dialogs over it, the
/// command line, the status-bar message and the idle lock. ``CursesTerminal`` feeds it keys and draws
/// what it renders; tests do the same with plain values.
public final class DeskApp {
    /// The smallest terminal the desk draws in.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public let desk: CaseDesk
    public let banner: String?
    let unlock: (String) -> Bool
    /// Dates are shown in this calendar's time zone.
    public let calendar: Calendar
    /// Seconds without a key before the lock screen.
    public let idleLimit: TimeInterval
    /// Counselors change cases; supervisors and others only read.
    public let isCounselor: Bool

    let queue: QueueScreen
    var stack: [DeskScreen]
    var modals: [DeskModal] = []
    var command: TextField?
    var lock: LockScreen?
    var message: (text: String, style: Style)?
    var counts: (overdue: Int, dueToday: Int) = (0, 0)
    var lastActivity: Date

    /// Set once the counselor quits; the input loop then restores the terminal and returns.
    public private(set) var shouldQuit = false

    public init(launch: DeskLaunch, calendar: Calendar = .current, idleLimit: TimeInterval? = nil, now: Date = Date()) {
        desk = launch.desk
        banner = launch.banner
        unlock = launch.unlock
        self.calendar = calendar
        self.idleLimit = idleLimit ?? TimeInterval(launch.desk.evaluator.policy.idleLockMinutes * 60)
        isCounselor = launch.desk.store.session.role == .counselor
        queue = QueueScreen()
        stack = [queue]
        lastActivity = now
        reload()
    }

    /// The clock of the desk (fixed in tests).
    var now: Date { desk.clock() }

    // MARK: Data

    /// Reloads the queue and the status-bar counts from the store.
    func reload() {
        do {
            queue.load(try desk.queue(), app: self)
            counts = try desk.dueCounts(calendar: calendar)
        } catch {
            show(error: error)
        }
    }

    // MARK: Messages

    func show(_ text: String, style: Style = .normal) { message = (text, style) }

    func show(error: Error) { message = (Self.describe(error), .error) }

    /// One sentence for any error: the domain's and the store's own descriptions.
    static func describe(_ error: Error) -> String {
        if let e = error as? CaseError { return e.description }
        if let e = error as? StoreError { return e.description }
        return String(describing: error)
    }

    // MARK: Navigation

    func push(_ screen: DeskScreen) { stack.append(screen) }

    func pop() {
        if stack.count > 1 { stack.removeLast() }
        if stack.last === queue { reload() }
    }

    func present(_ modal: DeskModal) { modals.append(modal) }

    func dismiss(_ modal: DeskModal) { modals.removeAll { $0 === modal } }

    func quit() { shouldQuit = true }

    /// Opens a case's detail screen on top of the queue.
    func openCase(_ id: CaseID) {
        do {
            let view = try desk.open(id)
            while stack.count > 1 { stack.removeLast() }
            push(DetailScreen(view: view))
        } catch {
            show(error: error)
        }
    }

    func showHelp() {
        if stack.last is HelpScreen { return }
        push(HelpScreen(counselor: isCounselor))
    }

    // MARK: Keys

    /// The contexts keys are looked up in right now, most specific first.
    public var activeContexts: [KeyContext] {
        if lock != nil { return [.lock, .textEntry, .always] }
        if let modal = modals.last { return modal.contexts + [.always] }
        if command != nil { return [.commandLine, .textEntry, .always] }
        return (stack.last?.contexts ?? []) + [.always]
    }

    /// Handles one key press at a given time.
    public func handle(_ key: Key, at time: Date = Date()) {
        lastActivity = time
        if key == .resize { return }
        message = nil
        guard let binding = KeyBindings.binding(for: key, in: activeContexts, counselor: isCounselor) else { return }
        perform(binding, key: key)
    }

    func perform(_ binding: KeyBinding, key: Key) {
        let action = binding.action
        switch binding.context {
        case .always:
            if action == .quit { quit() }
            return
        case .global:
            if action == .help { showHelp() }
            if action == .commandLine { command = TextField() }
            return
        default:
            break
        }
        if let lock {
            lock.perform(action, key: key, app: self)
            return
        }
        if let modal = modals.last {
            modal.perform(action, key: key, app: self)
            return
        }
        if command != nil {
            performCommandLine(action, key: key)
            return
        }
        stack.last?.perform(action, key: key, app: self)
    }

    func performCommandLine(_ action: DeskAction, key: Key) {
        switch action {
        case .submit:
            let text = command?.text ?? ""
            command = nil
            DeskCommand.run(text, app: self)
        case .cancel:
            command = nil
        default:
            command?.apply(action, key: key)
        }
    }

    /// Locks the desk when no key came for the idle limit.
    public func checkIdle(at time: Date = Date()) {
        guard lock == nil, idleLimit > 0, time.timeIntervalSince(lastActivity) >= idleLimit else { return }
        lock = LockScreen()
    }

    /// Whether the lock screen is showing.
    public var isLocked: Bool { lock != nil }

    func unlocked() {
        lock = nil
        reload()
        show("Unlocked.")
    }

    // MARK: Drawing

    /// Draws the whole screen at the given size.
    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        if let lock {
            lock.render(into: &buffer)
            return buffer
        }
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            Self.renderTooSmall(into: &buffer)
            return buffer
        }
        guard let screen = stack.last else { return buffer }
        // Title bar
        buffer.fillRow(0, style: .bar)
        buffer.put(" " + screen.title(app: self), row: 0, col: 0, style: .bar, maxWidth: width)
        // Body
        screen.renderBody(into: &buffer, top: 1, bottom: height - 2, app: self)
        // Message line
        let messageRow = height - 2
        if let command {
            buffer.put(":", row: messageRow, col: 0, style: .bold)
            command.draw(into: &buffer, row: messageRow, col: 1, columns: width - 1, style: .normal, focused: true)
        } else if screen.inputLine(into: &buffer, row: messageRow, app: self) {
        } else if let message {
            buffer.put(DisplayWidth.truncate(message.text, to: width), row: messageRow, col: 0, style: message.style)
        }
        // Status bar
        renderStatusBar(into: &buffer, row: height - 1, contexts: modals.last?.contexts ?? screen.contexts)
        for modal in modals { modal.render(into: &buffer, app: self) }
        return buffer
    }

    func renderStatusBar(into buffer: inout ScreenBuffer, row: Int, contexts: [KeyContext]) {
        buffer.fillRow(row, style: .bar)
        let countText = " Overdue \(counts.overdue) · Due today \(counts.dueToday) "
        var x = buffer.put(countText, row: row, col: 0, style: counts.overdue > 0 ? Style.bar.emboldened : .bar)
        buffer.put("│", row: row, col: x, style: .bar)
        x += 1
        let hints = KeyBindings.hints(for: contexts, counselor: isCounselor)
        // As many hints as fit whole; the rest are on the help screen.
        var seen = Set<String>()
        var text = ""
        for hint in hints where seen.insert(hint).inserted {
            let next = text + (text.isEmpty ? " " : "  ") + hint
            if DisplayWidth.width(of: next) > buffer.width - x { break }
            text = next
        }
        buffer.put(text, row: row, col: x, style: .bar)
    }

    /// The message shown instead of the desk when the terminal is smaller than 80×24.
    static func renderTooSmall(into buffer: inout ScreenBuffer) {
        let lines = [
            "Terminal too small: need \(minimumWidth)×\(minimumHeight), have \(buffer.width)×\(buffer.height)",
            "Enlarge the window, or press Ctrl-C to quit.",
        ]
        let top = max(0, buffer.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let fitted = DisplayWidth.wrap(line, to: max(1, buffer.width))
            for (j, part) in fitted.enumerated() {
                let row = top + i * fitted.count + j
                guard row < buffer.height else { break }
                buffer.put(part, row: row, col: max(0, (buffer.width - DisplayWidth.width(of: part)) / 2),
                           style: i == 0 ? .bold : .normal)
            }
        }
    }
}
