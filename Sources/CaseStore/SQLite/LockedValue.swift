import Foundation

/// The ids of the case rows a write transaction changed.
final class ChangedRows: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []

    func insert(_ id: String) { _ = lock.withLock { ids.insert(id) } }
    func contains(_ id: String) -> Bool { lock.withLock { ids.contains(id) } }
    func take() -> Set<String> { lock.withLock { defer { ids = [] }; return ids } }
}

/// A value shared across threads behind a lock.
final class LockedValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) { stored = value }

    var value: T { lock.withLock { stored } }
    func set(_ value: T) { lock.withLock { stored = value } }
    /// Changes the value in place, under the lock.
    func update(_ change: (inout T) -> Void) { lock.withLock { change(&stored) } }
}
