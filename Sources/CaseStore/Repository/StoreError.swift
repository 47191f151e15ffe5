import CaseCore
import Foundation

/// Store failures, each with one sentence a counselor understands, in their language (``phrase``).
public enum StoreError: PhrasedError, Equatable, Sendable {
    case noDatabase(path: String)
    case alreadyExists(path: String)
    case wrongPassphrase
    case unknownAccount(String)
    case caseNotFound(String)
    case casePurged(String, on: Date)
    case notADatabase(path: String, detail: Phrase)
    case corrupted(Phrase)
    case passphraseTooShort(minimum: Int)
    case passphraseInUse(account: String)
    case weakPassphrase(Phrase)
    case auditBroken(Phrase)
    /// A case whose row no longer matches its seal (by id).
    case tampered(String)
    /// Another record that no longer matches its seal: the seals themselves, an account's role.
    case tamperedRecord(Phrase)
    /// A stored version of the team policy that no longer matches its seal, or one missing: no case can be ranked by
    /// it, so the database is not opened.
    case tamperedPolicy(Phrase)
    /// The login could not be written into the audit log, so the command shows nothing (it fails closed).
    case loginNotAudited
    case notPermitted(Phrase)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case io(String)
    /// A change made from a copy of the case read before someone else changed it: who, and when.
    case staleCase(String, by: String, at: Date)
    /// A PostgreSQL server that cannot be used (not reached, the login refused, a URL that names none): the sentence.
    case server(String)

    public var phrase: Phrase {
        switch self {
        case let .noDatabase(path): .key("error.store.no-database", ["path": .text(path)])
        case let .alreadyExists(path): .key("error.store.already-exists", ["path": .text(path)])
        case .wrongPassphrase: .key("error.store.wrong-passphrase")
        case let .unknownAccount(name): .key("error.store.unknown-account", ["name": .text(name)])
        case let .caseNotFound(id): .key("error.store.case-not-found", ["id": .text(id)])
        case let .casePurged(id, day): .key("error.store.case-purged", ["id": .text(id), "day": .day(day)])
        case let .notADatabase(path, detail): .key("error.store.not-a-database", ["path": .text(path), "detail": detail])
        case let .corrupted(detail): .key("error.store.corrupted", ["detail": detail])
        case let .passphraseTooShort(minimum): .key("error.store.passphrase-too-short", ["minimum": .text(String(minimum))])
        case let .weakPassphrase(problem): .key("error.store.weak-passphrase", ["problem": problem])
        case let .passphraseInUse(account): .key("error.store.passphrase-in-use", ["account": .text(account)])
        case let .tampered(id): .key("error.store.tampered", ["what": .text(id)])
        case let .tamperedRecord(what): .key("error.store.tampered-record", ["what": what])
        case let .tamperedPolicy(what): .key("error.store.tampered-policy", ["what": what])
        case .loginNotAudited: .key("error.store.login-not-audited")
        case let .auditBroken(problem): .key("error.store.audit-broken", ["problem": problem])
        case let .notPermitted(what): .key("error.store.not-permitted", ["what": what])
        case let .readOnly(path): .key("error.store.read-only", ["path": .text(path)])
        case let .diskFull(path): .key("error.store.disk-full", ["path": .text(path)])
        case let .busy(path): .key("error.store.busy", ["path": .text(path)])
        case let .io(detail): .key("error.store.io", ["detail": .text(detail)])
        case let .server(sentence): .text(sentence)
        case let .staleCase(id, account, date):
            .key("error.store.stale-case", ["id": .text(id), "account": .text(account), "day": .day(date),
                                             "time": .text(String(DateText.timestamp(date).dropFirst(11).prefix(5)))])
        }
    }
}
