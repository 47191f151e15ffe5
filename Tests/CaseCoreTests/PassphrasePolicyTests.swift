import CaseCore
import Foundation
import Testing

@Suite("Passphrase rules")
struct PassphrasePolicyTests {
    static let policy = PassphrasePolicy.load(commonPasswords: Fixtures.data("common-passwords.txt"))

    @Test("Refused: short, one character, keyboard and alphabet runs, common passwords and common ones repeated", arguments: [
        ("tiny pass", "it is shorter than 12 characters"),
        ("aaaaaaaaaaaaaa", "it repeats a single character"),
        ("qwertyuiopasdf", "it runs along the keyboard or the alphabet"),
        ("1234567890123", "it runs along the keyboard or the alphabet"),
        ("zyxwvutsrqpon", "it runs along the keyboard or the alphabet"),
        ("1qaz2wsx3edc", "it runs along the keyboard or the alphabet"),
        ("sonyericsson", "it is one of the most common passwords"),
        ("Leave Me Alone", "it is one of the most common passwords"),
        ("passwordpassword", "it repeats \"password\""),
        ("abcabcabcabc", "it repeats \"abc\""),
        ("Password1234", "it is one of the most common passwords, with digits or symbols added"),
        ("password123456", "it is one of the most common passwords, with digits or symbols added"),
        ("PASSWORD!!2026", "it is one of the most common passwords, with digits or symbols added"),
        ("2026-Sunshine!", "it is one of the most common passwords, with digits or symbols added"),
        ("#1 iloveyou!!!", "it is one of the most common passwords, with digits or symbols added"),
        ("Passwordpassword!", "it repeats \"password\""),
    ])
    func refused(passphrase: String, problem: String) {
        #expect(Self.policy.problem(with: passphrase)?.description == problem)
    }

    @Test("Accepted: phrases of unrelated words, digits and symbols around them or not", arguments: [
        "correct horse battery", "supervisor passphrase", "Amani's tea at four 2026", "2026: tea at four on the terrace!",
    ])
    func accepted(passphrase: String) {
        #expect(Self.policy.problem(with: passphrase) == nil)
    }

    @Test("The list is the public frequency list, most frequent first")
    func listShipped() {
        #expect(Self.policy.common.contains("123456"))
        #expect(Self.policy.common.count >= 9_900)
    }
}
