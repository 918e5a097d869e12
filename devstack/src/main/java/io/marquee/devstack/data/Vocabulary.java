package io.marquee.devstack.data;

import java.util.List;
import java.util.Map;

/** Word lists the demo generator composes titles, overviews and people from. All immutable. */
final class Vocabulary {

    private Vocabulary() {
    }

    static final List<String> ADJECTIVES = List.of(
            "Silent", "Iron", "Crimson", "Hollow", "Golden", "Broken", "Last", "Distant", "Burning", "Frozen",
            "Hidden", "Wild", "Electric", "Velvet", "Scarlet", "Endless", "Quiet", "Restless", "Shattered", "Pale",
            "Savage", "Gentle", "Wandering", "Forgotten", "Lonely", "Bright", "Dark", "Secret", "Falling", "Rising",
            "Bitter", "Sweet", "Lost", "Sacred", "Stolen", "Northern", "Southern", "Midnight", "Twisted", "Glass",
            "Paper", "Copper", "Emerald", "Sapphire", "Hungry", "Brave", "Final", "First", "Long", "Cold");

    static final List<String> NOUNS = List.of(
            "Harbor", "Meridian", "Horizon", "Garden", "Kingdom", "River", "Signal", "Lantern", "Orchard", "Frontier",
            "Empire", "Mirror", "Compass", "Tide", "Summer", "Winter", "Echo", "Shadow", "Citadel", "Highway",
            "Lighthouse", "Covenant", "Storm", "Island", "Carnival", "Circuit", "Labyrinth", "Voyage", "Promise", "Crown",
            "Heart", "Season", "Station", "Canyon", "Fortress", "Ballad", "Secret", "Outpost", "Current", "Paradise",
            "Threshold", "Reckoning", "Masquerade", "Requiem", "Pilgrim", "Wolf", "Falcon", "Rose", "Engine", "Letter");

    static final List<String> PLACES = List.of(
            "Verona", "Lisbon", "Marrakesh", "Havana", "Kyoto", "Prague", "Tangier", "Odessa", "Valparaiso", "Reykjavik",
            "Naples", "Istanbul", "Montreal", "Cairo", "Seville", "Trieste", "Shanghai", "Oslo", "Dublin", "Santiago",
            "Budapest", "Bombay", "Casablanca", "Tucson", "Memphis", "Yukon", "Provence", "Tuscany", "Patagonia", "Bavaria");

    static final List<String> TIME_WORDS = List.of(
            "Midnight", "Morning", "Summer", "Winter", "Twilight", "Autumn", "Spring", "Dawn", "Nightfall", "Sunday");

    static final List<String> FEMALE_NAMES = List.of(
            "Emma", "Olivia", "Sophia", "Amelia", "Isabella", "Mia", "Charlotte", "Harper", "Evelyn", "Abigail",
            "Lucia", "Chloe", "Nora", "Hannah", "Zoe", "Grace", "Leila", "Aisha", "Mei", "Priya",
            "Ingrid", "Marta", "Sofia", "Yara", "Naomi", "Clara", "Elena", "Ruth", "Ada", "Iris");

    static final List<String> MALE_NAMES = List.of(
            "Liam", "Noah", "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry", "Theodore",
            "Mateo", "Leo", "Daniel", "Samuel", "Omar", "Kenji", "Ravi", "Diego", "Felix", "Hugo",
            "Arjun", "Tomas", "Malik", "Ivan", "Jonas", "Marco", "Pedro", "Victor", "Walter", "Elias");

    static final List<String> NEUTRAL_NAMES = List.of(
            "Alex", "Jordan", "Taylor", "Morgan", "Riley", "Quinn", "Avery", "Sage", "River", "Rowan",
            "Jamie", "Robin", "Skyler", "Emerson", "Finley", "Kai", "Dakota", "Reese", "Ash", "Charlie");

    static final List<String> LAST_NAMES = List.of(
            "Smith", "Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson",
            "Anderson", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark",
            "Lewis", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Green",
            "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips", "Campbell",
            "Okafor", "Tanaka", "Kowalski", "Novak", "Silva", "Rossi", "Muller", "Dubois", "Jensen", "Patel",
            "Kim", "Chen", "Singh", "Haddad", "O'Brien", "Murphy", "Fischer", "Larsen", "Costa", "Ivanova");

    /** Words added to a title that is already taken: "The Silent Harbor" becomes "The Silent Harbor Affair". */
    static final List<String> DISTINGUISHERS = List.of(
            "Affair", "Legacy", "Chronicles", "Rising", "Diaries", "Requiem", "Redemption", "Odyssey", "Returns",
            "Awakening", "Confession", "Escape", "Inheritance", "Conspiracy", "Testament", "Encore", "Overture",
            "Files", "Gambit", "Sessions");

    /** How a genre reads in an overview: who it is about, what they do, where, and what it is about. */
    record GenreTheme(List<String> who, List<String> what, List<String> where, List<String> motifs, List<String> tags) {
    }

    static final Map<String, GenreTheme> THEMES = Map.ofEntries(
            Map.entry("Action", new GenreTheme(
                    List.of("a disgraced bodyguard", "a retired special-forces medic", "a getaway driver"),
                    List.of("stop a heist that could topple a government", "outrun the syndicate that framed them",
                            "rescue a kidnapped witness before dawn"),
                    List.of("a gridlocked megacity", "a storm-battered port city"),
                    List.of("loyalty", "revenge", "survival"), List.of("car chase", "explosions", "fight scenes"))),
            Map.entry("Adventure", new GenreTheme(
                    List.of("a restless cartographer", "two estranged siblings", "a young stowaway"),
                    List.of("follow a century-old map to a lost city", "cross a continent to return a stolen relic",
                            "chase a legend across the open sea"),
                    List.of("the uncharted jungles of the south", "a chain of volcanic islands"),
                    List.of("discovery", "courage", "friendship"), List.of("treasure hunt", "journey", "exotic locations"))),
            Map.entry("Animation", new GenreTheme(
                    List.of("a clockwork fox", "a shy cloud", "a tiny lighthouse keeper"),
                    List.of("find the way back home before winter", "win the great kite race",
                            "befriend the creature living under the bridge"),
                    List.of("a village of talking animals", "a city built inside a tree"),
                    List.of("imagination", "belonging", "wonder"), List.of("hand-drawn", "colorful", "talking animals"))),
            Map.entry("Children", new GenreTheme(
                    List.of("a ten-year-old inventor", "a scruffy rescue dog", "a group of summer-camp friends"),
                    List.of("save the neighborhood park", "solve the mystery of the missing class pet",
                            "prove that a wish can come true"),
                    List.of("a sleepy seaside town", "a rambling old farmhouse"),
                    List.of("family", "growing up", "kindness"), List.of("family", "kids", "heartwarming"))),
            Map.entry("Comedy", new GenreTheme(
                    List.of("a hapless wedding planner", "two rival food-truck owners", "an overconfident substitute teacher"),
                    List.of("pull off the worst-planned reunion in history", "fake a vacation that spirals out of control",
                            "keep a ridiculous lie alive for one more weekend"),
                    List.of("a chaotic suburban cul-de-sac", "a crumbling beach resort"),
                    List.of("friendship", "second chances", "absurdity"), List.of("funny", "witty", "feel-good"))),
            Map.entry("Crime", new GenreTheme(
                    List.of("a weary homicide detective", "a small-time forger", "an ambitious prosecutor"),
                    List.of("bring down the family that runs the docks", "untangle a robbery gone wrong",
                            "expose corruption inside the precinct"),
                    List.of("the back streets of the old port", "a city ruled by rival crews"),
                    List.of("corruption", "ambition", "betrayal"), List.of("heist", "organized crime", "police"))),
            Map.entry("Documentary", new GenreTheme(
                    List.of("a team of marine biologists", "the last glassblowers of an old guild", "a village choir"),
                    List.of("document a year of change", "preserve a vanishing craft", "follow an unlikely comeback"),
                    List.of("the edge of the Arctic", "a remote mountain valley"),
                    List.of("nature", "history", "resilience"), List.of("true story", "nature", "interviews"))),
            Map.entry("Drama", new GenreTheme(
                    List.of("a grieving violinist", "a steelworker's daughter", "an aging stage actor"),
                    List.of("hold a fractured family together", "face the secret that ended a marriage",
                            "start over after losing everything"),
                    List.of("a fading industrial town", "a crowded city apartment"),
                    List.of("grief", "family", "redemption", "identity"), List.of("emotional", "character study", "family drama"))),
            Map.entry("Fantasy", new GenreTheme(
                    List.of("an apprentice mapmaker", "an exiled fire-witch", "the youngest heir of a cursed house"),
                    List.of("break an ancient curse", "reclaim a stolen crown", "close the door between two worlds"),
                    List.of("a kingdom of floating islands", "an enchanted forest"),
                    List.of("destiny", "magic", "sacrifice"), List.of("magic", "dragons", "fairy tale"))),
            Map.entry("Film-Noir", new GenreTheme(
                    List.of("a down-on-his-luck private eye", "a nightclub singer with a past", "an insurance investigator"),
                    List.of("trace a missing heiress through the city's underbelly", "clear a name before the rain stops",
                            "follow the money behind a staged suicide"),
                    List.of("rain-slick streets", "a smoky waterfront"),
                    List.of("fate", "deception", "desire"), List.of("noir", "femme fatale", "black and white"))),
            Map.entry("Horror", new GenreTheme(
                    List.of("a night-shift nurse", "a family of new homeowners", "a group of college friends"),
                    List.of("survive the night", "learn what lives beneath the floorboards", "escape the thing that followed them home"),
                    List.of("an isolated farmhouse", "an abandoned sanatorium"),
                    List.of("fear", "guilt", "the unknown"), List.of("scary", "creepy", "haunted house"))),
            Map.entry("IMAX", new GenreTheme(
                    List.of("a crew of deep-sea divers", "a team of storm chasers", "a pair of climbers"),
                    List.of("reach the deepest trench on Earth", "film the largest storm ever recorded", "summit an unclimbed peak"),
                    List.of("the open ocean", "the roof of the world"),
                    List.of("scale", "spectacle", "endurance"), List.of("visually stunning", "big screen", "spectacle"))),
            Map.entry("Musical", new GenreTheme(
                    List.of("a dockworker with a golden voice", "a struggling dance troupe", "a piano prodigy"),
                    List.of("win one last shot at the big stage", "save the theater from demolition", "write the song of a lifetime"),
                    List.of("the bright lights of Broadway", "a jazz club by the river"),
                    List.of("ambition", "joy", "love"), List.of("singing", "dance", "great soundtrack"))),
            Map.entry("Mystery", new GenreTheme(
                    List.of("an amateur sleuth", "a retired crossword editor", "a small-town librarian"),
                    List.of("work out who poisoned the host", "decode a dead man's last letter", "find the missing guest before the ferry returns"),
                    List.of("a snowbound country hotel", "a manor on a tidal island"),
                    List.of("secrets", "deduction", "suspicion"), List.of("whodunit", "twist ending", "clever"))),
            Map.entry("Romance", new GenreTheme(
                    List.of("a florist and a stubborn architect", "two pen pals", "a wedding photographer"),
                    List.of("find out whether a summer romance can survive the fall", "choose between love and a dream job",
                            "meet again after ten years apart"),
                    List.of("a sunlit coastal village", "a rainy university town"),
                    List.of("love", "longing", "second chances"), List.of("romantic", "love story", "charming"))),
            Map.entry("Sci-Fi", new GenreTheme(
                    List.of("a stranded engineer", "an android who dreams", "the crew of a generation ship"),
                    List.of("repair the signal that could save humanity", "uncover what the colony's founders hid",
                            "outwit the AI running the station"),
                    List.of("a distant mining colony", "a near-future city under surveillance"),
                    List.of("technology", "identity", "humanity"), List.of("space", "artificial intelligence", "dystopia"))),
            Map.entry("Thriller", new GenreTheme(
                    List.of("a cryptographer on the run", "a journalist with a dangerous source", "a hostage negotiator"),
                    List.of("stay one step ahead of an unseen killer", "expose a conspiracy before it silences them",
                            "find the leak inside the agency"),
                    List.of("a city on lockdown", "a night train across Europe"),
                    List.of("paranoia", "suspense", "trust"), List.of("suspense", "tense", "conspiracy"))),
            Map.entry("War", new GenreTheme(
                    List.of("a young radio operator", "a battalion of reluctant soldiers", "a field surgeon"),
                    List.of("hold a bridge against impossible odds", "get a message through enemy lines", "bring their unit home"),
                    List.of("the frozen eastern front", "a besieged coastal town"),
                    List.of("sacrifice", "brotherhood", "the cost of war"), List.of("world war", "battle", "based on a true story"))),
            Map.entry("Western", new GenreTheme(
                    List.of("a weathered bounty hunter", "a widowed rancher", "a drifting gunslinger"),
                    List.of("defend the homestead from a land baron", "track an outlaw across the desert", "settle an old score"),
                    List.of("a dusty frontier town", "the high plains"),
                    List.of("justice", "honor", "the frontier"), List.of("gunfight", "cowboys", "frontier"))));
}
