import Crypto
import Foundation

/// An account's X25519 key pair. The private key is sealed under the key derived from the account's passphrase, with
/// the account's name and role as authenticated data: a role changed in the file makes the sealed key not open. Case
/// keys are wrapped for the public key with HPKE (base mode, X25519, HKDF-SHA256, ChaCha20-Poly1305), each bound to
/// its case, kind and account, so a wrapping copied to another row does not open.
public struct AccountKey: Sendable {
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    public var publicKey: Data { privateKey.publicKey.rawRepresentation }

    public static func fresh() -> AccountKey { AccountKey(privateKey: Curve25519.KeyAgreement.PrivateKey()) }

    /// The private key sealed under a passphrase's key-encryption key.
    public func seal(with kek: SymmetricKey, account: String, role: Role) throws -> Data {
        try AES.GCM.seal(privateKey.rawRepresentation, using: kek, authenticating: Self.slotContext(account, role)).combined!
    }

    /// The private key of a slot, or nil when the passphrase is wrong or the account's name or role is not the one it
    /// was sealed with.
    public static func open(_ blob: Data, with kek: SymmetricKey, account: String, role: Role) -> AccountKey? {
        guard let box = try? AES.GCM.SealedBox(combined: blob),
              let raw = try? AES.GCM.open(box, using: kek, authenticating: slotContext(account, role)),
              let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else { return nil }
        return AccountKey(privateKey: key)
    }

    static func slotContext(_ account: String, _ role: Role) -> Data {
        Data("account key\u{1F}\(account)\u{1F}\(role.rawValue)".utf8)
    }

    static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    static let info = Data("confidant case key".utf8)

    /// A symmetric key wrapped for a public key: the encapsulated key (32 bytes) and the ciphertext (48 bytes).
    public static func wrap(_ key: SymmetricKey, for publicKey: Data, context: String) throws -> (encapsulated: Data, wrapped: Data) {
        var sender = try HPKE.Sender(recipientKey: Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey),
                                     ciphersuite: suite, info: info)
        let wrapped = try key.withUnsafeBytes { try sender.seal(Data($0), authenticating: Data(context.utf8)) }
        return (sender.encapsulatedKey, wrapped)
    }

    /// A key wrapped for this account, or nil when it was wrapped for another key or another context.
    public func unwrap(encapsulated: Data, wrapped: Data, context: String) -> SymmetricKey? {
        guard var recipient = try? HPKE.Recipient(privateKey: privateKey, ciphersuite: Self.suite, info: Self.info,
                                                  encapsulatedKey: encapsulated),
              let raw = try? recipient.open(wrapped, authenticating: Data(context.utf8)), raw.count == 32 else { return nil }
        return SymmetricKey(data: raw)
    }
}
