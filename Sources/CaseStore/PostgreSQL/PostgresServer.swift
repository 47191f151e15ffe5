import Foundation
import PostgresNIO

/// A team's database on a PostgreSQL server, named by a URL: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`
/// (`postgres://` too), with an optional `?sslmode=disable|prefer|require`.
///
/// The database password is the URL's, else `$PGPASSWORD`, else the matching line of `~/.pgpass` (or `$PGPASSFILE`),
/// as psql finds it. It only lets the program reach the server: what the server holds is sealed with keys the
/// server never sees.
public struct PostgresServer: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: String

    /// Whether `text` names a PostgreSQL server rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw StoreError.server("'\(Self.redacted(text))' is not a PostgreSQL URL like postgresql://USER@HOST:PORT/DATABASE.")
        }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard let user = url.user, !user.isEmpty, !database.isEmpty else {
            throw StoreError.server("The URL '\(Self.redacted(text))' must name a user and a database: postgresql://USER@HOST:PORT/DATABASE.")
        }
        self.host = host
        port = url.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.database = database.removingPercentEncoding ?? database
        sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? (Self.isLoopback(host) ? "disable" : "prefer")
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw StoreError.server("The URL '\(Self.redacted(text))' asks for sslmode=\(sslMode); it must be disable, prefer or require.")
        }
        password = url.password.map { $0.removingPercentEncoding ?? $0 }
            ?? environment["PGPASSWORD"]
            ?? Self.passwordFile(environment).flatMap { Self.password(in: $0, host: host, port: port, database: database, user: user) }
    }

    /// The URL without its password, for sentences and logs.
    public var description: String { "postgresql://\(user)@\(host):\(port)/\(database)" }

    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = nil
        return url.string ?? "the server"
    }

    static func isLoopback(_ host: String) -> Bool { ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) }

    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// A failure to reach or log in to the server, as a sentence.
    func connectionError(_ error: Error) -> Error {
        if let failure = error as? PSQLError, let code = failure.serverInfo?[.sqlState] {
            switch code {
            case "28P01", "28000":
                return StoreError.server("The server at \(description) refused the login of \(user); check the database password (in the URL, $PGPASSWORD or ~/.pgpass). Nothing was opened.")
            case "3D000":
                return StoreError.noDatabase(path: description)
            default:
                return StoreError.server("The server at \(description) refused the connection: \(failure.serverInfo?[.message] ?? code).")
            }
        }
        return StoreError.server("The PostgreSQL server at \(host):\(port) cannot be reached (\(String(describing: error).prefix(200))); nothing was opened.")
    }

    static func passwordFile(_ environment: [String: String]) -> String? {
        if let file = environment["PGPASSFILE"], !file.isEmpty { return file }
        return environment["HOME"].map { $0 + "/.pgpass" }
    }

    /// The password of the first `host:port:database:user:password` line that matches (`*` matches anything).
    static func password(in file: String, host: String, port: Int, database: String, user: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], current = "", escaped = false
            for character in line {
                if escaped { current.append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == ":", fields.count < 4 { fields.append(current); current = "" }
                else { current.append(character) }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}

/// A statement the server refused, as a sentence; its SQLSTATE tells a refused append to the audit log, a lost
/// connection or a full disk apart.
struct PostgresFailure: Error, CustomStringConvertible {
    var code: String
    var message: String
    var place: String

    init(_ error: PSQLError, place: String) {
        code = error.serverInfo?[.sqlState] ?? ""
        message = error.serverInfo?[.message] ?? String(describing: error.code)
        self.place = place
    }

    var description: String { "PostgreSQL (\(place)): \(message)" + (code.isEmpty ? "" : " [\(code)]") }

    /// The store's sentence for it.
    var storeError: StoreError {
        switch code {
        case "53100": .diskFull(path: place)
        case "25006", "42501": .readOnly(path: place)
        case "55P03", "40001", "40P01": .busy(path: place)
        case "": .io("the connection to \(place) failed: \(message)")
        default: .io(description)
        }
    }
}
