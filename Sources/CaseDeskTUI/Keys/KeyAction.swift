/// Everything a key can ask the case desk to do. Keys map to actions only through ``KeyBindings``.
public enum KeyAction: Hashable, Sendable {
    // Anywhere
    case quit, help, commandLine, redraw
    // Moving
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    // Queue
    case open, search, cycleStatusFilter, cycleBandFilter, cycleCategoryFilter, toggleOverdueFilter, clearFilters, newCase
    case statistics, respondents, escalationReview, deadlineAlerts
    // Case detail
    case assess, escalate, changeStatus, addJournal, back
    case export, letter, legalHold, declareConflict
    case editCase, consent, reopen, disclose, followUpInterval, review
    // Forms and prompts
    case nextField, previousField, activate, toggle, previousOption, nextOption, save, cancel
    case lower, raise, rate(Int)
    case confirmYes, confirmNo
    case submit
    // Text entry
    case insert, deleteBackward, deleteForward, cursorLeft, cursorRight, cursorHome, cursorEnd, clearText
}
