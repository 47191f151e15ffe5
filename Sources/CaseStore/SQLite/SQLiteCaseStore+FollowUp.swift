import CaseCore
import Crypto
import Foundation
import GRDB

extension SQLiteCaseStore {
    /// Issues a new follow-up code for a case (replacing any earlier one) and returns it: the only time it is shown.
    public func issueFollowUpCode(_ id: CaseID, now: Date) throws -> FollowUpCode {
        try checkCanWrite()
        let code = FollowUpCode.random()
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) })
        try write { db in
            try checkEntitled(db, id)
            try db.execute(sql: "UPDATE casefile SET followUpSalt = ?, followUpTag = ? WHERE id = ?",
                           arguments: [salt, followUpTag(code, salt: salt), id.description])
            try insertJournal(db, JournalEntry(at: now, kind: .note, author: session.account,
                                               phrase: .key("entry.follow-up-code")), caseId: id)
            try AuditLog.append(db, actor: session.account, action: "follow-up-code", caseId: id.description,
                                detail: "follow-up code issued", at: now, headKey: headKey)
        }
        return code
    }

    /// The case a reporter's follow-up code belongs to, if any. Audited either way.
    public func findCase(followUpCode code: FollowUpCode, now: Date) throws -> CaseID? {
        try checkCanRead()
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, followUpSalt, followUpTag FROM casefile WHERE followUpTag IS NOT NULL")
        }
        let match = rows.first { row in followUpTag(code, salt: row["followUpSalt"]) == (row["followUpTag"] as String) }
            .flatMap { CaseID($0["id"] as String) }
        try audit(action: "follow-up-lookup", caseId: match, detail: match == nil ? "no case matches the code given" : "case found by follow-up code", now: now)
        return match
    }

    /// HMAC under a key derived from the data key, salted per case: without the passphrase the stored tag
    /// cannot even be brute-forced offline.
    func followUpTag(_ code: FollowUpCode, salt: Data) -> String {
        StoreKeys.followUpTag(code, salt: salt, dataKey: dataKey)
    }
}
