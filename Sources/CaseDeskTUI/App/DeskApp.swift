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
    /// The organisation's letter templates, when the data folder has them.
    public let letters: LetterLibrary?
    /// Where `~` in a path typed at a prompt points (the counselor's home folder; a temporary folder in tests).
    public var homeDirectory: String
    let unlock: (String) -> Bool
    /// Dates are shown in this calendar's time zone.
    public let calendar: Calendar
    /// Seconds without a key before the lock screen.
    public let idleLimit: TimeInterval
    /// Counselors change cases; supervisors and others only read.
    public let isCounselor: Bool

    let queue: QueueScreen
    var stack: [Screen]
    var modals: [Modal] = []
    var command: TextField?
    var lock: LockScreen?
    var message: (text: String, style: Style)?
    /// Cases whose next deadline is overdue, and those whose next deadline falls within the policy's warning window.
    var counts: (overdue: Int, dueToday: Int, dueSoon: Int) = (0, 0, 0)
    /// The store's queue version when the queue was last loaded (see ``reloadIfChanged()``).
    var loadedVersion: Int?
    var lastActivity: Date
    /// Whether the last screen drawn was the "terminal too small" notice: keys then only quit.
    private(set) var tooSmall = false

    /// Set when keys typed meanwhile must not count (a wrong passphrase at the lock was being checked): the input loop
    /// discards what the terminal holds before it reads the next key.
    public var discardTypeAhead = false

    /// Set once the counselor quits; the input loop then restores the terminal and returns.
    public private(set) var shouldQuit = false

    public init(launch: LaunchSettings, calendar: Calendar = .current, idleLimit: TimeInterval? = nil, now: Date = Date()) {
        desk = launch.desk
        banner = launch.banner
        letters = launch.letters
        homeDirectory = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        unlock = launch.unlock
        self.calendar = calendar
        self.idleLimit = idleLimit ?? TimeInterval(launch.desk.evaluator.policy.idleLockMinutes * 60)
        isCounselor = launch.desk.role == .counselor
        queue = QueueScreen()
        stack = [queue]
        lastActivity = now
        reload()
    }

    /// The desk's language: every screen, dialog and message (the configuration's, chosen like the commands':
    /// `--lang`, else policy.json, else `LANG`, else English).
    var words: Catalogue { desk.catalogue }

    /// The clock of the desk (fixed in tests).
    var now: Date { desk.clock() }

    /// Hours ahead that count as "due soon" (policy `dueSoonHours`).
    var dueSoonHours: Int { desk.evaluator.policy.dueSoonHours }

    /// What the desk does once the terminal is ready: the deadline alert panel, when any deadline is overdue or due soon.
    public func start() {
        showDeadlineAlerts(onlyIfAny: true)
    }

    // MARK: Data

    /// Reloads the queue and the status-bar counts from the store.
    func reload() {
        guard lock == nil else { return }
        do {
            loadedVersion = try desk.queueVersion()
            let summaries = try desk.queue()
            queue.load(summaries, app: self)
            counts = desk.dueCounts(in: summaries, hours: dueSoonHours, calendar: calendar)
        } catch {
            show(error: error)
        }
    }

    /// Shows the panel of deadlines overdue or due within the warning window. With `onlyIfAny` (on start) nothing
    /// shows when there is none; otherwise an empty panel says so.
    func showDeadlineAlerts(onlyIfAny: Bool = false) {
        guard lock == nil else { return }
        do {
            let alerts = try desk.deadlineAlerts(within: dueSoonHours)
            if alerts.isEmpty, onlyIfAny { return }
            modals.removeAll { $0 is AlertPanel }
            present(AlertPanel(alerts: alerts, now: now, hours: dueSoonHours, words: words))
        } catch {
            show(error: error)
        }
    }

    // MARK: Messages

    func show(_ text: String, style: Style = .normal) { message = (text, style) }

    func show(error: Error) { message = (describe(error), .error) }

    /// One sentence for any error, in the desk's language: the domain's and the store's own phrases.
    func describe(_ error: Error) -> String { ErrorSentence.of(error, in: words) }

    /// Shows a phrase (an error's, a refusal's) in the desk's language.
    func show(_ phrase: Phrase, style: Style = .normal) { show(words.words(phrase), style: style) }

    // MARK: Navigation

    func push(_ screen: Screen) { stack.append(screen) }

    func pop() {
        if stack.count > 1 { stack.removeLast() }
        if stack.last === queue { reloadIfChanged() }
    }

    /// Reloads the queue only when a case changed since it was loaded, here or in another window or command:
    /// coming back from reading a case costs nothing.
    /// Called while no key is pressed: reloads the queue when a case changed elsewhere and the queue is showing
    /// with no search being typed and no dialog open. True when the screen needs drawing again.
    public func refreshWhileIdle() -> Bool {
        guard lock == nil, stack.last === queue, modals.isEmpty, queue.searchField == nil,
              let version = try? desk.queueVersion(), version != loadedVersion else { return false }
        reload()
        return true
    }

    func reloadIfChanged() {
        if let version = try? desk.queueVersion(), version == loadedVersion { return }
        reload()
    }

    func present(_ modal: Modal) { modals.append(modal) }

    func dismiss(_ modal: Modal) { modals.removeAll { $0 === modal } }

    func quit() { shouldQuit = true }

    /// Opens a case's detail screen on top of the queue, or on top of the current screen with `returnHere`
    /// (Esc then comes back to it, as from the repeat-respondents view).
    func openCase(_ id: CaseID, returnHere: Bool = false) {
        do {
            let view = try desk.open(id)
            if !returnHere { while stack.count > 1 { stack.removeLast() } }
            push(DetailScreen(view: view))
        } catch {
            show(error: error)
        }
    }

    /// Back to the queue from wherever the counselor is, with the queue reloaded.
    func returnToQueue() {
        while stack.count > 1 { stack.removeLast() }
        reload()
    }

    /// Opens help over whatever is showing. Dialogs, panels and the command line are put aside with the help screen
    /// and come back, as they were, when it closes; a form underneath keeps its typed text.
    func showHelp() {
        if stack.last is HelpScreen { return }
        let from = activeContexts.first ?? .global
        let help = HelpScreen(counselor: isCounselor, words: words, from: from, covering: modals, command: command)
        modals = []
        command = nil
        push(help)
    }

    /// Closes help and brings back what it covered.
    func closeHelp(_ help: HelpScreen) {
        guard stack.last === help else { return }
        pop()
        modals = help.covered
        command = help.command
    }

    // MARK: Keys

    /// The contexts keys are looked up in right now, most specific first.
    public var activeContexts: [KeyContext] {
        if lock != nil { return [.lock, .textEntry, .always] }
        if tooSmall { return [.tooSmall, .always] }
        if let modal = modals.last { return Self.withHelp(modal.contexts) + [.always] }
        if command != nil { return [.commandLine, .textEntry, .typing, .always] }
        return Self.withHelp(stack.last?.contexts ?? []) + [.always]
    }

    /// A screen's or dialog's contexts with the help key added: `?` (and F1) over forms, dialogs and panels; only F1
    /// while a text field takes the keys, where `?` is typed. Queue, detail and help bind `?` themselves (`.global`).
    static func withHelp(_ contexts: [KeyContext]) -> [KeyContext] {
        if contexts.contains(.global) { return contexts }
        return contexts + [contexts.contains(.textEntry) ? .typing : .overlay]
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
        case .always, .tooSmall:
            if action == .quit { quitAsking() }
            return
        case .global, .overlay, .typing:
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

    func performCommandLine(_ action: KeyAction, key: Key) {
        switch action {
        case .submit:
            let text = command?.text ?? ""
            command = nil
            ColonCommand.run(text, app: self)
        case .cancel:
            command = nil
        default:
            command?.apply(action, key: key)
        }
    }

    /// Locks the desk when no key came for the idle limit.
    public func checkIdle(at time: Date = Date()) {
        guard lock == nil, idleLimit > 0, time.timeIntervalSince(lastActivity) >= idleLimit else { return }
        lockNow()
    }

    /// Locks the desk and lets go of everything read from the store: a lock that only hid the screen would leave the
    /// open case, the queue's rows, the alert list, the statistics and the respondents in memory behind it.
    ///
    /// What stays is what the unlock needs to reload: the queue's filters, its review switch, and the id of the case
    /// to select again (the case that was open, else the queue's selection). Every screen above the queue, every
    /// dialog and panel (with the closures that captured cases), the command line, the message and the counts go;
    /// a form with typed input is discarded, and the lock screen says so.
    func lockNow() {
        let notice = holdsTypedInput
            ? words["desk.lock.discarded", values: ["duration": Self.duration(idleLimit, in: words)]] : nil
        let reselect = stack.reversed().lazy.compactMap { ($0 as? DetailScreen)?.view.item.id }.first
            ?? queue.selectedCase?.id
        stack = [queue]
        modals = []
        command = nil
        message = nil
        counts = (0, 0, 0)
        loadedVersion = nil
        queue.unload(reselecting: reselect)
        lock = LockScreen(notice: notice, words: words)
    }

    /// "10 minutes", "1 minute", "90 seconds".
    static func duration(_ interval: TimeInterval, in words: Catalogue = .english) -> String {
        let seconds = Int(interval.rounded())
        if seconds >= 60, seconds % 60 == 0 { return words.count("desk.duration.minutes", seconds / 60) }
        return words.count("desk.duration.seconds", seconds)
    }

    /// Whether the lock screen is showing.
    public var isLocked: Bool { lock != nil }

    /// After the right passphrase: the queue is read again from the store, with the case selected before the lock
    /// selected again when it still exists. The desk lands on the queue, never on the case.
    func unlocked() {
        lock = nil
        reload()
        show(words["desk.unlocked"])
    }

    // MARK: Drawing

    /// Draws the whole screen at the given size.
    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        if let lock {
            lock.render(into: &buffer)
            return buffer
        }
        guard !tooSmall else {
            Self.renderTooSmall(into: &buffer, words: words)
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
        renderStatusBar(into: &buffer, row: height - 1, contexts: Self.withHelp(modals.last?.contexts ?? screen.contexts))
        for modal in modals { modal.render(into: &buffer, app: self) }
        return buffer
    }

    func renderStatusBar(into buffer: inout ScreenBuffer, row: Int, contexts: [KeyContext]) {
        buffer.fillRow(row, style: .bar)
        // Due today appears when anything is; due within the warning window (today's included) always.
        // Cases, not deadlines: the alert panel says how many deadlines are in these cases.
        let today = counts.dueToday > 0 ? words["desk.status-bar.due-today", values: ["count": String(counts.dueToday)]] : ""
        let countText = " " + words["desk.status-bar.counts", values: [
            "overdue": String(counts.overdue), "today": today, "soon": String(counts.dueSoon), "hours": String(dueSoonHours)]] + " "
        var x = buffer.put(countText, row: row, col: 0, style: counts.overdue > 0 ? Style.bar.emboldened : .bar)
        buffer.put("│", row: row, col: x, style: .bar)
        x += 1
        let hints = KeyBindings.hints(for: contexts, counselor: isCounselor, in: words)
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

    /// The message shown instead of the desk when the terminal is smaller than 80×24: the longest wording whose
    /// lines fit whole, centred; nothing at all on a terminal too small for any (1×1), never a cut-off fragment.
    static func renderTooSmall(into buffer: inout ScreenBuffer, words: Catalogue = .english) {
        let sizes = ["need": "\(minimumWidth)×\(minimumHeight)", "have": "\(buffer.width)×\(buffer.height)"]
        let wordings: [[String]] = [
            [words["desk.too-small.long", values: sizes], words["desk.too-small.long-advice"]],
            [words["desk.too-small.short", values: sizes], words["desk.too-small.short-advice", values: sizes]],
            [words["desk.too-small.shortest", values: sizes], words["desk.too-small.shortest-advice"]],
            [sizes["need"]!],
        ]
        guard let lines = wordings.first(where: { lines in
            lines.count <= buffer.height && lines.allSatisfy { DisplayWidth.width(of: $0) <= buffer.width }
        }) else { return }
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            buffer.put(line, row: top + i, col: (buffer.width - DisplayWidth.width(of: line)) / 2, style: i == 0 ? .bold : .normal)
        }
    }
}
