import CaseCore
import Foundation

extension PassphrasePolicy {
    /// The rules with the common-password list shipped in the data folder (`common-passwords.txt` where
    /// ``ConfidantConfiguration/locateDataDirectory(environment:)`` finds it): what a store applies when it is given no
    /// policy of its own. Only a program run without its data folder gets the rules without the list.
    public static let shipped: PassphrasePolicy = {
        guard let directory = ConfidantConfiguration.locateDataDirectory(),
              let list = FileManager.default.contents(atPath: directory.appendingPathComponent("common-passwords.txt").path)
        else { return PassphrasePolicy() }
        return .load(commonPasswords: list)
    }()
}
