import Foundation
import TestKit
import Testing

/// `--help`, `confidant help`, the manual page and ArgumentParser's own errors in the counselor's language (issue 17).
@Suite("Help and the parser's errors in the command line's language")
struct HelpLanguageCLITests {
    let cli = ConfidantSandbox()
    let french = ["LANG": "fr_FR.UTF-8"]

    /// French text with its no-break spaces (before `:` and `;`, inside `« »`) written `⍽`, so that ArgumentParser
    /// never wraps a line before a colon.
    static func nbsp(_ text: String) -> String { text.replacingOccurrences(of: "⍽", with: "\u{A0}") }

    static let frenchAddHelp = nbsp("""
        RÉSUMÉ⍽: Ajoute un dossier décrit en JSON (un fichier, ou - pour l'entrée
        standard)⍽; affiche le nouveau numéro.

        UTILISATION⍽: confidant add [--db <path-or-url>] [--account <account>] [--lang <lang>] --json <json>

        OPTIONS⍽:
          --db <path-or-url>      Fichier de la base, ou base d'une équipe sur un
                                  serveur PostgreSQL (par défaut⍽: $CONFIDANT_DB, sinon
                                  ~/.local/share/confidant/confidant.db).
                Un serveur s'écrit postgresql://UTILISATEUR@HÔTE:PORT/BASE⍽; son mot de
                passe vient de l'URL, de $PGPASSWORD ou de ~/.pgpass.
          --account <account>     Compte sous lequel ouvrir la base (par défaut⍽: le
                                  premier dont la phrase secrète correspond).
          --lang <lang>           Langue du bureau et des sorties⍽: en ou fr (par
                                  défaut⍽: la langue de policy.json, sinon $LANG, sinon
                                  l'anglais).
          --json <json>           Fichier JSON décrivant le dossier, ou - pour l'entrée
                                  standard.
          --version               Affiche la version.
          -h, --help              Affiche l'aide.


        """)

    static let englishAddHelp = """
        OVERVIEW: Add a case from JSON (a file, or - for standard input); prints the
        new id.

        USAGE: confidant add [--db <path-or-url>] [--account <account>] [--lang <lang>] --json <json>

        OPTIONS:
          --db <path-or-url>      Database file, or a team's database on a PostgreSQL
                                  server (default: $CONFIDANT_DB, else
                                  ~/.local/share/confidant/confidant.db).
                A server is named postgresql://USER@HOST:PORT/DATABASE; its password
                comes from the URL, $PGPASSWORD or ~/.pgpass.
          --account <account>     Account to open the database as (default: the first
                                  whose passphrase matches).
          --lang <lang>           Language of the desk and the output: en or fr
                                  (default: the language of policy.json, else $LANG,
                                  else English).
          --json <json>           JSON file describing the case, or - for standard
                                  input.
          --version               Show the version.
          -h, --help              Show help information.


        """

    @Test("add --help --lang fr, LANG=fr_FR.UTF-8 add --help and LANG=fr_FR.UTF-8 help add and help add --lang fr are French, word for word")
    func frenchHelp() throws {
        defer { cli.cleanUp() }
        for run in [try cli.run(["add", "--help", "--lang", "fr"]), try cli.run(["add", "--help"], environment: french),
                    try cli.run(["help", "add"], environment: french), try cli.run(["add", "--lang=fr", "-h"]),
                    try cli.run(["help", "add", "--lang", "fr"])] {
            #expect(run.status == 0)
            #expect(run.stdout == Self.frenchAddHelp)
            #expect(run.stderr == "")
        }
        // The list of commands, the default one named so, and the abstracts and discussions with values filled in.
        let root = try cli.run(["--help"], environment: french)
        #expect(root.stdout.hasPrefix(Self.nbsp("RÉSUMÉ⍽: Le bureau des dossiers d'une personne de confiance pour les\nsignalements de harcèlement.\n")))
        #expect(root.stdout.contains(Self.nbsp("\nSOUS-COMMANDES⍽:\n  open (défaut)           Ouvre le bureau des dossiers (par défaut).\n")))
        #expect(root.stdout.contains("\nUTILISATION\u{A0}: confidant <sous-commande>\n"))
        #expect(root.stdout.hasSuffix(Self.nbsp("\n  Voir «⍽confidant help <sous-commande>⍽» pour l'aide détaillée.\n")))
        let status = try cli.run(["status", "--help", "--lang", "fr"]).stdout
        #expect(status.contains(Self.nbsp("\nStatuts⍽: new, acknowledged, assessing, ")))
        #expect(status.contains(Self.nbsp("  --outcome <outcome>     Issue à la clôture (obligatoire)⍽: substantiated,\n")))
        // ArgumentParser's own note of a default value, in French, carried whole on the next line when it no longer fits.
        #expect(try cli.run(["user", "add", "--help", "--lang", "fr"]).stdout.contains(Self.nbsp("""

              --role <role>           counselor, supervisor ou admin.
                                      (par⍽défaut⍽:⍽counselor)

            """)))
    }

    @Test("English help is ArgumentParser's, unchanged, with --lang en whatever LANG says")
    func englishHelp() throws {
        defer { cli.cleanUp() }
        #expect(try cli.run(["add", "--help"]).stdout == Self.englishAddHelp)
        #expect(try cli.run(["add", "--help", "--lang", "en"], environment: french).stdout == Self.englishAddHelp)
        #expect(try cli.run(["help", "add"], environment: ["LANG": "de_DE.UTF-8"]).stdout == Self.englishAddHelp)
        let root = try cli.run(["--help"]).stdout
        #expect(root.contains("\nSUBCOMMANDS:\n  open (default)          Open the case desk (the default).\n"))
        #expect(root.hasSuffix("\n  See 'confidant help <subcommand>' for detailed help.\n"))
    }

    @Test("Every command's French help keeps within 80 columns wherever ArgumentParser wraps, and never wraps before a colon")
    func frenchHelpFits() throws {
        defer { cli.cleanUp() }
        let dump = try cli.json(cli.run(["--experimental-dump-help"])) as! [String: Any]
        func paths(_ command: [String: Any], _ path: [String]) -> [[String]] {
            [path] + ((command["subcommands"] as? [[String: Any]]) ?? []).flatMap { paths($0, path + [$0["commandName"] as! String]) }
        }
        let all = paths(dump["command"] as! [String: Any], [])
        #expect(all.count > 35)
        for path in all {
            let help = try cli.run(path + ["--help"], environment: french)
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix(Self.nbsp("RÉSUMÉ⍽: ")) && !help.stdout.contains("OPTIONS:"), "\(path)")
            // The one line ArgumentParser never wraps is the usage.
            let long = help.stdout.split(separator: "\n").filter { $0.count > 80 && !$0.hasPrefix(Self.nbsp("UTILISATION⍽: ")) }
            #expect(long.isEmpty, "\(path): \(long)")
            // Nor is a line begun with the punctuation French sets off with a space.
            let orphans = help.stdout.split(separator: "\n").filter { $0.drop { $0 == " " }.first.map { ":;»".contains($0) } ?? false }
            #expect(orphans.isEmpty, "\(path): \(orphans)")
        }
    }

    @Test("ArgumentParser's errors in French keep the option's name and the value given; English as ArgumentParser writes")
    func parserErrors() throws {
        defer { cli.cleanUp() }
        let missing = try cli.run(["show", "--lang", "fr"])
        #expect(missing.status == 64)
        #expect(missing.stdout == "")
        #expect(missing.stderr == Self.nbsp("""
            Erreur⍽: Argument attendu manquant⍽: «⍽<id>⍽»
            Aide⍽:  <id>  Numéro du dossier, par exemple C-2026-0042.
            Utilisation⍽: confidant show [--db <path-or-url>] [--account <account>] [--lang <lang>] <id> [--json]
              Voir «⍽confidant show --help⍽» pour en savoir plus.

            """))
        let invalid = try cli.run(["list", "--limit", "beaucoup"], environment: french)
        #expect(invalid.status == 64)
        #expect(invalid.stderr.hasPrefix(Self.nbsp("Erreur⍽: La valeur «⍽beaucoup⍽» n'est pas valide pour «⍽--limit <limit>⍽»\n"
            + "Aide⍽:  --limit <limit>  Au plus ce nombre de dossiers, les premiers de la file.\n")))
        let unknown = try cli.run(["show", "C-2026-0001", "--bogus", "--lang", "fr"])
        #expect(unknown.stderr.hasPrefix(Self.nbsp("Erreur⍽: Option inconnue⍽: «⍽--bogus⍽»\n")))
        let english = try cli.run(["show"], environment: ["LANG": "C"])
        #expect(english.status == 64)
        #expect(english.stderr == """
            Error: Missing expected argument '<id>'
            Help:  <id>  Case id, like C-2026-0042.
            Usage: confidant show [--db <path-or-url>] [--account <account>] [--lang <lang>] <id> [--json]
              See 'confidant show --help' for more information.

            """)
    }

    @Test("generate-manual --lang fr writes the French manual page; --lang en the English one whatever LANG says")
    func manual() throws {
        defer { cli.cleanUp() }
        let page = try cli.run(["generate-manual", "--lang", "fr"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.hasPrefix("""
            .TH CONFIDANT 1 "" "Confidant 1.0.1" "Commandes utilisateur"
            .SH NOM
            confidant \\- Le bureau des dossiers d'une personne de confiance pour les signalements de harc\\[u00E8]lement.
            .SH SYNOPSIS
            .B confidant
            [\\fISOUS\\-COMMANDE\\fR] [\\fIOPTIONS\\fR]
            .SH DESCRIPTION
            Sans sous-commande,
            .B confidant
            ouvre le bureau des dossiers
            """))
        #expect(page.stdout.contains("\n.SS \"confidant list\"\nListe les dossiers dans l'ordre de la file"))
        #expect(page.stdout.contains("\n.TP\n.B CONFIDANT_NEW_PASSPHRASE\nLa phrase secr\\[u00E8]te d'un nouveau compte, pour les scripts (\\fBuser add\\fR).\n"))
        let english = try cli.run(["generate-manual", "--lang", "en"], environment: french)
        #expect(english.stdout == (try cli.run(["generate-manual"])).stdout)
        #expect(english.stdout.hasPrefix(".TH CONFIDANT 1 \"\" \"Confidant 1.0.1\" \"User Commands\"\n.SH NAME\n"))
        #expect(english.stdout.contains("\n.TP\n.B CONFIDANT_DB\nThe database file, when \\fB\\-\\-db\\fR is not given"))
        let german = try cli.run(["generate-manual", "--lang", "de"])
        #expect(german.status == 1)
        #expect(german.stdout == "")
    }
}
