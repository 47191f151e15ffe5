import CaseCore
import Foundation

/// The queue version without a round trip: a second connection LISTENs on `confidant_queue`, where every change to a
/// case or a recusal announces the new version when it commits (the schema's trigger); stores of this process publish
/// the version their own writes reached at once. A desk polling `queueVersion()` several times a second then reads
/// the server only every few seconds, as a safety net should the listening connection be lost.
extension PostgreSQLCaseStore {
    /// How long a version heard by LISTEN is trusted before the server is asked again.
    static let queueRecheck: TimeInterval = 2

    /// The newest queue version each database reached through a store of this process.
    static let publishedQueueVersions = LockedValue<[String: Int]>([:])

    public func queueVersion() throws -> Int? {
        let state = queueListener.value
        if state.listening, let heard = state.heard, Date().timeIntervalSince(state.readAt) < Self.queueRecheck {
            return max(heard, Self.publishedQueueVersions.value[server.description] ?? heard)
        }
        let version = try read { tx in try tx.value("SELECT value FROM meta WHERE key = 'queueVersion'", as: String.self).flatMap(Int.init) }
        if !state.listening { startListening() }
        queueListener.update { $0.readAt = Date(); $0.heard = max($0.heard ?? version ?? 0, version ?? 0) }
        return version
    }

    /// The version this write transaction leaves the queue at, published to the other stores of this process.
    func publishQueueVersion(_ tx: PostgresTransaction) throws {
        guard let version = try tx.value("SELECT value FROM meta WHERE key = 'queueVersion'", as: String.self).flatMap(Int.init)
        else { return }
        let key = server.description
        Self.publishedQueueVersions.update { $0[key] = max($0[key] ?? version, version) }
    }

    /// Opens the listening connection, once; without it, every call asks the server.
    private func startListening() {
        queueListener.update { $0.listening = true }
        let state = queueListener
        guard let link = try? PostgresLink.connect(server),
              (try? link.listen("confidant_queue") { payload in
                  guard let version = Int(payload) else { return }
                  state.update { $0.heard = max($0.heard ?? version, version) }
              }) != nil
        else { return queueListener.update { $0.listening = false } }
        listenerLink.set(link)
    }
}

/// What the listening connection has heard.
struct QueueListenerState: Sendable {
    var listening = false
    var heard: Int?
    var readAt = Date.distantPast
}
