import Crypto
import _CryptoExtras
import Foundation

/// The parameters of the scrypt password KDF, stored beside each wrapped key so they can be raised later.
public struct KDFParameters: Equatable, Sendable {
    public var salt: Data
    /// scrypt N (CPU/memory cost), a power of two.
    public var rounds: Int
    public var blockSize: Int
    public var parallelism: Int

    /// The default cost, OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, about 0.4 s in a release build
    /// here). A slot made with less is re-wrapped at this cost after its next successful unlock.
    public static let standardRounds = 1 << 17

    public static func fresh(rounds: Int = standardRounds) -> KDFParameters {
        KDFParameters(salt: Data(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }), rounds: rounds, blockSize: 8, parallelism: 1)
    }

    /// Derives the key-encryption key from a passphrase.
    public func deriveKey(from passphrase: String) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32,
            rounds: rounds, blockSize: blockSize, parallelism: parallelism)
    }
}
