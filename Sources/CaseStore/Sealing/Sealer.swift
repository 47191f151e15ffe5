import Crypto
import Foundation

/// Seals and opens sensitive fields with AES-GCM under the database's data key.
///
/// Each sealed value is bound to where it lives (for example `case:C-2026-0001:narrative`) through the
/// authenticated data, so a sealed blob copied into another row or field does not open.
public struct Sealer: Sendable {
    private let key: SymmetricKey
    private let matchKey: SymmetricKey

    public init(dataKey: SymmetricKey) {
        key = dataKey
        matchKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: dataKey, info: Data("confidant respondent match".utf8), outputByteCount: 32)
    }

    public func seal(_ text: String, context: String) throws -> Data {
        try AES.GCM.seal(Data(text.utf8), using: key, authenticating: Data(context.utf8)).combined!
    }

    public func open(_ blob: Data, context: String) throws -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: blob)
            let plain = try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw StoreError.corrupted(.key("store.sealed-field-closed", ["field": .text(String(context.split(separator: ":").last ?? ""))]))
        }
    }

    public func sealJSON<T: Encodable>(_ value: T, context: String) throws -> Data {
        let data = try JSONEncoder().encode(value)
        return try seal(String(decoding: data, as: UTF8.self), context: context)
    }

    public func openJSON<T: Decodable>(_ type: T.Type, _ blob: Data, context: String) throws -> T {
        let text = try open(blob, context: context)
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupted(.key("store.sealed-field-unreadable", ["field": .text(context)]))
        }
    }

    /// A keyed hash of a normalised name, so the same reported person can be matched across cases
    /// without storing the name in the clear.
    public func matchTag(_ normalised: String) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data(normalised.utf8), using: matchKey))
    }

    /// Wraps a data key under a key-encryption key.
    public static func wrap(_ dataKey: SymmetricKey, with kek: SymmetricKey, account: String) throws -> Data {
        let raw = dataKey.withUnsafeBytes { Data($0) }
        return try AES.GCM.seal(raw, using: kek, authenticating: Data("keyslot:\(account)".utf8)).combined!
    }

    /// Unwraps a data key; nil when the key-encryption key (the passphrase) is wrong.
    public static func unwrap(_ blob: Data, with kek: SymmetricKey, account: String) -> SymmetricKey? {
        guard let box = try? AES.GCM.SealedBox(combined: blob),
              let raw = try? AES.GCM.open(box, using: kek, authenticating: Data("keyslot:\(account)".utf8))
        else { return nil }
        return SymmetricKey(data: raw)
    }
}
