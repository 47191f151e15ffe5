import CaseCore

/// Code names for reporters who were given none at intake: two words, random, never derived from identity.
enum Pseudonyms {
    static let colours = ["Amber", "Azure", "Cedar", "Coral", "Dune", "Ember", "Fern", "Flint", "Frost", "Hazel",
                          "Indigo", "Ivory", "Jade", "Juniper", "Linen", "Maple", "Moss", "Ochre", "Opal", "Pearl",
                          "Quartz", "Russet", "Sable", "Sage", "Slate", "Sorrel", "Teal", "Umber", "Willow", "Wren"]
    static let animals = ["Heron", "Otter", "Lynx", "Finch", "Badger", "Crane", "Marten", "Plover", "Hare", "Ibis",
                          "Kestrel", "Lark", "Mole", "Newt", "Oriole", "Puffin", "Quail", "Robin", "Stoat", "Swift",
                          "Tern", "Vole", "Wagtail", "Yak", "Gecko", "Egret", "Dipper", "Bittern", "Avocet", "Curlew"]

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return "\(colours.randomElement(using: &generator)!) \(animals.randomElement(using: &generator)!)"
    }
}
