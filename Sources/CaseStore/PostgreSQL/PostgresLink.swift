import CaseCore
import Foundation
import PostgresNIO

/// One connection to the server, used synchronously (the store protocol is synchronous): each query's future is
/// waited on from the caller's thread, never from an event loop. One caller at a time: a transaction holds the
/// connection from BEGIN to COMMIT.
final class PostgresLink: @unchecked Sendable {
    // @unchecked: the connection is used only under `lock`.
    private let connection: PostgresConnection
    private let lock = NSLock()
    let logger: Logger
    /// The server and database, for sentences (never the password).
    let place: String

    private init(connection: PostgresConnection, logger: Logger, place: String) {
        self.connection = connection
        self.logger = logger
        self.place = place
    }

    /// Connects to the server a URL names.
    static func connect(_ server: PostgresServer) throws -> PostgresLink {
        // Nothing the driver logs is for the user: failures come back as errors and become sentences.
        var logger = Logger(label: "confidant.postgresql")
        logger.logLevel = .critical
        do {
            let connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: try server.configuration(), id: 1,
                logger: logger
            ).wait()
            let link = PostgresLink(connection: connection, logger: logger, place: server.description)
            // Compiling a plan to machine code pays off for long analytical queries, not for a desk's: the server spent
            // about 100 ms compiling the row-seal query of a 20,000-case copy.
            _ = try link.rows("SET jit = off")
            return link
        } catch {
            throw server.connectionError(error)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try lock.withLock {
            let transaction = PostgresTransaction(link: self)
            try transaction.run("BEGIN")
            do {
                let result = try body(transaction)
                try transaction.run("COMMIT")
                return result
            } catch {
                try? transaction.run("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs one statement outside any transaction of ours (its own implicit one).
    func rows(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> [PostgresRandomAccessRow] {
        try lock.withLock { try query(sql, arguments) }
    }

    /// Waits for a query's rows, each readable by column name. Call with `lock` held.
    fileprivate func query(_ sql: String, _ arguments: [any SQLArgument]) throws -> [PostgresRandomAccessRow] {
        try plainQuery(sql, arguments).map { $0.makeRandomAccess() }
    }

    /// Waits for a query's rows as they came, to be decoded by position. Call with `lock` held.
    fileprivate func plainQuery(_ sql: String, _ arguments: [any SQLArgument]) throws -> [PostgresRow] {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments { try argument.bind(into: &binds) }
        // Rows are handed over one by one and kept here. postgres-nio's own collecting of a whole result copies the
        // rows received so far at every batch that arrives (its state holds a second reference to the array): reading
        // the queue of 100,000 cases took 334 ms with it, 214 ms without.
        let rows = LockedValue<[PostgresRow]>([])
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) { row in
                rows.update { $0.append(row) }
            }.wait()
            return rows.value
        } catch let error as PSQLError {
            throw PostgresFailure(error, place: place)
        }
    }

    /// Delivers every NOTIFY on `channel` to `handle` (its payload), from the moment this returns.
    func listen(_ channel: String, _ handle: @escaping @Sendable (String) -> Void) throws {
        try lock.withLock {
            connection.addListener(channel: channel) { _, notification in handle(notification.payload) }
            // The LISTEN is sent ahead of this query on the same connection: once it answers, LISTEN is in force.
            _ = try query("SELECT 1", [])
        }
    }

    func close() {
        lock.withLock { try? connection.close().wait() }
    }

    /// A connection must be closed before it goes (postgres-nio asserts so). Stores are released on the callers'
    /// threads, never on an event loop, where waiting is impossible.
    deinit {
        if !connection.eventLoop.inEventLoop { try? connection.close().wait() }
    }
}

/// The statements of one transaction on a ``PostgresLink``.
struct PostgresTransaction {
    fileprivate let link: PostgresLink

    /// Runs a statement; `$1`, `$2` … are the arguments.
    func run(_ sql: String, _ arguments: any SQLArgument...) throws {
        _ = try link.query(sql, arguments)
    }

    func rows(_ sql: String, _ arguments: any SQLArgument...) throws -> [PostgresRandomAccessRow] {
        try link.query(sql, arguments)
    }

    func rows(_ sql: String, arguments: [any SQLArgument]) throws -> [PostgresRandomAccessRow] {
        try link.query(sql, arguments)
    }

    /// The most arguments one statement may carry (the protocol counts them in 16 bits).
    static let argumentLimit = 65_535

    /// Inserts a row into `table` for each of `items` (`values` gives its columns' values, in the order of `columns`),
    /// as many rows a statement as the server's limit on arguments allows: copying 100,000 cases onto a server is a
    /// few hundred statements instead of a round trip for each of its 650,000 rows.
    func insert<Items: Collection>(into table: String, columns: [String], _ items: Items, argumentLimit: Int = PostgresTransaction.argumentLimit,
                                   values: (Items.Element) -> [any SQLArgument]) throws {
        try inBatches(items, columns: columns.count, argumentLimit: argumentLimit, values: values) { tuples in
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples)"
        }
    }

    /// Runs a statement for each batch of `items`, as many items a statement as `argumentLimit` allows: `statement`
    /// is given the batch's `($1, $2, …), ($n, …)` list, bound to the values `values` gives for each item (`columns`
    /// of them, in order).
    func inBatches<Items: Collection>(_ items: Items, columns: Int, argumentLimit: Int = PostgresTransaction.argumentLimit,
                                      values: (Items.Element) -> [any SQLArgument], statement: (String) -> String) throws {
        guard !items.isEmpty, columns > 0 else { return }
        let perStatement = max(1, argumentLimit / columns)
        var rest = items[...]
        while !rest.isEmpty {
            let batch = rest.prefix(perStatement)
            rest = rest.dropFirst(batch.count)
            var arguments: [any SQLArgument] = []
            arguments.reserveCapacity(batch.count * columns)
            var tuples: [String] = []
            for item in batch {
                let row = values(item)
                precondition(row.count == columns, "\(row.count) values for \(columns) columns")
                tuples.append("(" + (arguments.count + 1...arguments.count + row.count).map { "$\($0)" }.joined(separator: ", ") + ")")
                arguments += row
            }
            _ = try link.query(statement(tuples.joined(separator: ", ")), arguments)
        }
    }

    /// Rows to be decoded in order (``PostgresCells``), without the name lookup of a random-access row: for the few
    /// reads of many rows (the queue, the statistics).
    func plainRows(_ sql: String, arguments: [any SQLArgument]) throws -> [PostgresRow] {
        try link.plainQuery(sql, arguments)
    }

    /// The first column of the first row, or nil when there is no row (or it is NULL).
    func value<T: PostgresDecodable>(_ sql: String, _ arguments: any SQLArgument..., as type: T.Type = T.self) throws -> T? {
        guard let row = try link.query(sql, arguments).first, row[0].bytes != nil else { return nil }
        return try row[0].decode(T.self)
    }

    /// The first column of every row.
    func column<T: PostgresDecodable>(_ sql: String, _ arguments: any SQLArgument..., as type: T.Type = T.self) throws -> [T] {
        try link.query(sql, arguments).map { try $0[0].decode(T.self) }
    }
}

/// A row's cells read in order, each decoded as the type its reader asks for, so the decoding is specialised at each
/// call (postgres-nio's decoding of a whole row as a tuple ran as unspecialised generic code in a profile).
struct PostgresCells {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) { cells = row.makeIterator() }

    @inline(__always)
    mutating func next<T: PostgresDecodable>(_ type: T.Type = T.self) throws -> T {
        guard let cell = cells.next() else { throw StoreError.corrupted("a row has fewer columns than its reader expects") }
        return try cell.decode(T.self)
    }
}

/// A value bound to a statement's `$n`.
protocol SQLArgument: Sendable {
    func bind(into binds: inout PostgresBindings) throws
}

extension String: SQLArgument { func bind(into binds: inout PostgresBindings) { binds.append(self) } }
extension Int: SQLArgument { func bind(into binds: inout PostgresBindings) { binds.append(self) } }
extension Int64: SQLArgument { func bind(into binds: inout PostgresBindings) { binds.append(self) } }
extension Bool: SQLArgument { func bind(into binds: inout PostgresBindings) { binds.append(self) } }
extension Double: SQLArgument { func bind(into binds: inout PostgresBindings) { binds.append(self) } }
extension Data: SQLArgument { func bind(into binds: inout PostgresBindings) throws { try binds.append(self) } }
/// A list of texts, bound as one `text[]` (`WHERE id IN (SELECT unnest($1::text[]))`).
extension Array: SQLArgument where Element == String { func bind(into binds: inout PostgresBindings) { binds.append(self) } }
/// A date is stored as the text the SQLite engine stores (``CaseCore/DateText/databaseTimestamp(_:)``): the audit
/// chain hashes that text, and it sorts as the dates do.
extension Date: SQLArgument {
    func bind(into binds: inout PostgresBindings) { binds.append(DateText.databaseTimestamp(self)) }
}
extension Optional: SQLArgument where Wrapped: SQLArgument {
    func bind(into binds: inout PostgresBindings) throws {
        switch self {
        case let .some(value): try value.bind(into: &binds)
        case .none: binds.appendNull()
        }
    }
}

extension PostgresRandomAccessRow {
    /// A column's value (NULL only as an optional type). Columns are named as the SQL names them; the server
    /// folds them to lower case.
    func get<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column.lowercased()].decode(T.self)
    }

    /// A stored timestamp (``DatabaseTimestamp``).
    func date(_ column: String) throws -> Date {
        guard let date = try optionalDate(column) else { throw StoreError.corrupted("a date (\(column)) is missing") }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        guard let text = try get(column, as: String?.self) else { return nil }
        guard let date = DatabaseTimestamp.parse(text) else { throw StoreError.corrupted("'\(text)' is not a stored date") }
        return date
    }
}
