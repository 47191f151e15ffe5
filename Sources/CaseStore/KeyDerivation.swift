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

    /// The default cost: N = 2^15, r = 8, p = 1 (32 MiB, about a tenth of a second here).
    public static func fresh(rounds: Int = 1 << 15) -> KDFParameters {
        KDFParameters(salt: Data(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }), rounds: rounds, blockSize: 8, parallelism: 1)
    }

    /// Derives the key-encryption key from a passphrase.
    public func deriveKey(from passphrase: String) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32,
            rounds: rounds, blockSize: blockSize, parallelism: parallelism)
    }
}
