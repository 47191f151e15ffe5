import CaseCore
import Foundation

extension SQLiteCaseStore {
    /// The same check as a login (delays after failures, failures recorded), on a connection closed again at once.
    public func checkPassphrase(_ passphrase: String) -> Bool {
        guard let check = try? Self.open(at: path, passphrase: passphrase, account: session.account, evaluator: evaluator)
        else { return false }
        try? check.close()
        return true
    }
}
