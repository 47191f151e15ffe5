import CaseCore
import Foundation

/// Store failures, each with one sentence a counselor understands.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDatabase(path: String)
    case alreadyExists(path: String)
    case wrongPassphrase
    case unknownAccount(String)
    case caseNotFound(String)
    case casePurged(String, on: String)
    case notADatabase(path: String, detail: String)
    case corrupted(String)
    case passphraseTooShort(minimum: Int)
    case passphraseInUse(account: String)
    case weakPassphrase(String)
    case auditBroken(String)
    case tampered(String)
    /// The login could not be written into the audit log, so the command shows nothing (it fails closed).
    case loginNotAudited
    case notPermitted(String)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case io(String)
    /// A change made from a copy of the case read before someone else changed it: who, and when.
    case staleCase(String, by: String, at: Date)
    /// A PostgreSQL server that cannot be used (not reached, the login refused, a URL that names none): the sentence.
    case server(String)

    public var description: String {
        switch self {
        case let .noDatabase(path):
            "There is no Confidant database at \(path); create one with 'confidant init' or point --db at an existing one."
        case let .alreadyExists(path):
            "A Confidant database already exists at \(path); it was left untouched."
        case .wrongPassphrase:
            "The passphrase is not correct for this database; nothing was opened or changed."
        case let .unknownAccount(name):
            "There is no account named '\(name)' in this database."
        case let .caseNotFound(id):
            "There is no case \(id) in this database."
        case let .casePurged(id, day):
            "\(id) was purged on \(day) when its retention period ended; a purged case cannot be reopened or changed."
        case let .notADatabase(path, detail):
            "The file \(path) is not a Confidant database (\(detail))."
        case let .corrupted(detail):
            "The database is damaged: \(detail)."
        case let .passphraseTooShort(minimum):
            "The passphrase must be at least \(minimum) characters long."
        case let .weakPassphrase(problem):
            "The passphrase is too weak: \(problem). Choose a longer phrase of several unrelated words."
        case let .passphraseInUse(account):
            "That passphrase already opens another account; choose a different one for \(account)."
        case let .tampered(what) where CaseID(what) != nil:
            "\(what) was changed outside Confidant: its status, dates, hold, consent, score or journal no longer match their seal; nothing was done to it. Run 'confidant audit verify'."
        case let .tampered(what):
            "\(what) was changed outside Confidant and no longer matches its seal; nothing was done. Run 'confidant audit verify'."
        case .loginNotAudited:
            "The login could not be written into the audit log, so nothing is shown; check the disk and run 'confidant audit verify'."
        case let .auditBroken(problem):
            "The audit log is broken (\(problem)); nothing else can be done until a counselor records the finding with 'confidant audit acknowledge'."
        case let .notPermitted(what):
            "Not permitted: \(what)."
        case let .readOnly(path):
            "The database at \(path) is read-only; nothing was changed."
        case let .diskFull(path):
            "The disk holding \(path) is full; the change was not saved and the previous data is intact."
        case let .busy(path):
            "The database at \(path) is busy in another Confidant window; try again in a moment."
        case let .io(detail):
            "The database could not be read or written: \(detail)."
        case let .server(sentence):
            sentence
        case let .staleCase(id, account, date):
            "\(id) was changed by \(account) on \(DateText.day(date)) at \(DateText.timestamp(date).dropFirst(11).prefix(5)) UTC after you opened it; your change was not saved. Open the case again to see theirs, then make yours again."
        }
    }
}
