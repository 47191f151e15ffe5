import CaseStore
import Foundation

/// Where the database lives: `--db`, else `$CONFIDANT_DB`, else the XDG data directory. A `postgresql://` URL names a
/// team's database on a server and is kept as it is.
enum DatabaseLocation {
    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let env = environment["CONFIDANT_DB"], !env.isEmpty { return absolute(env) }
        return xdg("XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/confidant/confidant.db"
    }

    /// The throwaway demo database: `--db`, else `$CONFIDANT_DB`, else the XDG cache directory.
    static func demo(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, throwaway: Bool) {
        if let option, !option.isEmpty { return (absolute(option), false) }
        if let env = environment["CONFIDANT_DB"], !env.isEmpty { return (absolute(env), false) }
        return (xdg("XDG_CACHE_HOME", fallback: ".cache", environment: environment) + "/confidant/demo.db", true)
    }

    static func xdg(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/" + fallback
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") || PostgresServer.isURL(path) { return path }
        if path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
