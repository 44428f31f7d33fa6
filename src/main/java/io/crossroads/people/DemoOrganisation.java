package io.crossroads.people;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A deterministic company for demos and tests: eight divisions of uneven size, a head per division,
 * leaders (about 10 %) reporting to the head, employees reporting to leaders, time zones on three
 * continents, and the five well-known users of the API contract. The same seed and size always give
 * the same organisation, ids included.
 */
public final class DemoOrganisation {

  public static final long DEFAULT_SEED = 20_260_301L;

  /** Division names and their relative size: some divisions are much larger than others. */
  private static final List<DivisionSpec> DIVISIONS =
      List.of(
          new DivisionSpec("Engineering", 30, List.of("architecture", "platform engineering",
              "developer experience", "security", "mobile", "cloud cost")),
          new DivisionSpec("Finance", 12, List.of("budgeting", "forecasting", "procurement",
              "audit", "treasury")),
          new DivisionSpec("Marketing", 11, List.of("brand", "content strategy", "growth",
              "market research", "events")),
          new DivisionSpec("Sales", 16, List.of("enterprise sales", "partnerships", "negotiation",
              "customer success", "pricing")),
          new DivisionSpec("Operations", 10, List.of("supply chain", "logistics",
              "process improvement", "vendor management", "facilities")),
          new DivisionSpec("Data Platform", 9, List.of("data engineering", "machine learning",
              "analytics", "data governance", "experimentation")),
          new DivisionSpec("Product", 8, List.of("product discovery", "roadmapping", "ux research",
              "product analytics", "go-to-market")),
          new DivisionSpec("People", 4, List.of("talent development", "recruiting",
              "compensation", "learning", "organisation design")));

  private static final List<String> SHARED_TOPICS =
      List.of("leadership", "career growth", "public speaking", "stakeholder management",
          "remote work", "mentoring");

  private static final List<List<String>> ZONES_BY_CONTINENT =
      List.of(
          List.of("America/New_York", "America/Chicago", "America/Los_Angeles", "America/Toronto"),
          List.of("Europe/Berlin", "Europe/London", "Europe/Paris", "Europe/Madrid"),
          List.of("Asia/Singapore", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"));

  private static final String[] FIRST_NAMES = {
    "Aaron", "Abena", "Adam", "Aditi", "Ahmed", "Aiko", "Alba", "Alex", "Amara", "Ana", "Andrei",
    "Anika", "Arjun", "Aylin", "Beatriz", "Bilal", "Bruno", "Camila", "Carlos", "Chen", "Chloe",
    "Daniel", "Dara", "David", "Diego", "Elena", "Elif", "Emma", "Ethan", "Fatima", "Felix",
    "Freya", "Gabriel", "Grace", "Hamza", "Hannah", "Hiro", "Ines", "Isaac", "Ivan", "Jana",
    "Javier", "Jin", "Jonas", "Julia", "Kai", "Kenji", "Lara", "Layla", "Lena", "Lucas", "Maya",
    "Mateo", "Mei", "Mohammed", "Nadia", "Nia", "Noah", "Olga", "Omar", "Priya", "Rafael",
    "Ravi", "Rosa", "Sara", "Sofia", "Tariq", "Thomas", "Uma", "Victor", "Yara", "Yusuf", "Zoe"
  };

  private static final String[] LAST_NAMES = {
    "Abbott", "Adeyemi", "Alvarez", "Andersen", "Baker", "Banerjee", "Becker", "Bianchi", "Brown",
    "Castro", "Chen", "Costa", "Dubois", "Dimitrov", "Eriksson", "Fischer", "Fernandes", "Garcia",
    "Gupta", "Haddad", "Hansen", "Ito", "Ivanova", "Jansen", "Kaur", "Kim", "Kowalski", "Larsen",
    "Lee", "Lopez", "Mendes", "Meyer", "Moreau", "Murphy", "Nakamura", "Nguyen", "Novak", "Okafor",
    "Olsen", "Patel", "Petrov", "Quinn", "Rahman", "Rossi", "Santos", "Schmidt", "Silva",
    "Suzuki", "Tan", "Tanaka", "Torres", "Volkov", "Wagner", "Walsh", "Weber", "Wong", "Yilmaz",
    "Zhang"
  };

  private static final String[] EMPLOYEE_TITLES = {
    "Associate", "Analyst", "Specialist", "Senior Specialist", "Lead Specialist"
  };

  private record DivisionSpec(String name, int weight, List<String> topics) {}

  /** A division to create. */
  public record DivisionSeed(UUID id, String name) {}

  /** A person to create, with a leader profile when {@code leader} is set. */
  public record PersonSeed(
      UUID id,
      String username,
      String displayName,
      String email,
      UUID divisionId,
      String title,
      int level,
      UUID managerId,
      ZoneId timeZone,
      boolean leader,
      boolean hr,
      List<String> topics,
      int monthlyCap,
      boolean acceptingRequests) {}

  /** The whole generated organisation, managers always listed before their reports. */
  public record Plan(List<DivisionSeed> divisions, List<PersonSeed> people) {}

  private DemoOrganisation() {}

  public static Plan generate(int size) {
    return generate(size, DEFAULT_SEED);
  }

  public static Plan generate(int size, long seed) {
    if (size < 40) {
      throw new IllegalArgumentException("the demo organisation needs at least 40 people");
    }
    Random random = new Random(seed);
    List<DivisionSeed> divisions = new ArrayList<>();
    for (DivisionSpec d : DIVISIONS) {
      divisions.add(new DivisionSeed(id("division:" + d.name()), d.name()));
    }
    Generator generator = new Generator(random);
    int totalWeight = DIVISIONS.stream().mapToInt(DivisionSpec::weight).sum();
    int assigned = 0;
    for (int i = 0; i < DIVISIONS.size(); i++) {
      DivisionSpec spec = DIVISIONS.get(i);
      int headcount =
          i == DIVISIONS.size() - 1
              ? size - assigned
              : Math.max(5, size * spec.weight() / totalWeight);
      assigned += headcount;
      generator.division(divisions.get(i), spec, headcount);
    }
    return new Plan(List.copyOf(divisions), List.copyOf(generator.people));
  }

  /** Well-known users who are not leaders: ben, ava and hana. */
  private static int wellKnownEmployeesIn(String division) {
    return switch (division) {
      case "Engineering", "Finance", "People" -> 1;
      default -> 0;
    };
  }

  static UUID id(String name) {
    return UUID.nameUUIDFromBytes(("crossroads-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static final class Generator {
    private final Random random;
    private final List<PersonSeed> people = new ArrayList<>();
    private final Set<String> usernames = new HashSet<>(List.of("ava", "ben", "leo", "mia", "hana"));

    Generator(Random random) {
      this.random = random;
    }

    /** Adds {@code headcount} people to the division, well-known users included. */
    void division(DivisionSeed division, DivisionSpec spec, int headcount) {
      List<String> zones = ZONES_BY_CONTINENT.get(random.nextInt(ZONES_BY_CONTINENT.size()));
      int leaders = Math.max(2, Math.round(headcount * 0.10f));
      int employees = headcount - leaders - wellKnownEmployeesIn(spec.name());

      PersonSeed head =
          leader(division, spec, zones, "VP " + spec.name(), 10, null, generatedName());
      people.add(head);
      List<PersonSeed> divisionLeaders = new ArrayList<>(List.of(head));
      for (int i = 1; i < leaders - (isLeaderDivision(spec) ? 1 : 0); i++) {
        String title = (random.nextBoolean() ? "Director, " : "Head of ") + capitalise(pick(spec.topics()));
        PersonSeed leader =
            leader(division, spec, zones, title, 7 + random.nextInt(2), head.id(), generatedName());
        people.add(leader);
        divisionLeaders.add(leader);
      }
      switch (spec.name()) {
        case "Engineering" -> {
          PersonSeed leo =
              new PersonSeed(id("person:leo"), "leo", "Leo Martins", "leo@crossroads.example",
                  division.id(), "Director, Platform Engineering", 7, head.id(),
                  ZoneId.of("Europe/Berlin"), true, false,
                  List.of("architecture", "platform engineering", "career growth", "mentoring"),
                  4, true);
          people.add(leo);
          divisionLeaders.add(leo);
          people.add(new PersonSeed(id("person:ben"), "ben", "Ben Okafor", "ben@crossroads.example",
              division.id(), "Software Engineer", 3, leo.id(), ZoneId.of("Europe/London"),
              false, false, List.of(), 0, false));
        }
        case "Finance" -> people.add(new PersonSeed(id("person:ava"), "ava", "Ava Thompson",
            "ava@crossroads.example", division.id(), "Financial Analyst", 4,
            divisionLeaders.get(divisionLeaders.size() - 1).id(), ZoneId.of("America/New_York"),
            false, false, List.of(), 0, false));
        case "Marketing" -> {
          PersonSeed mia =
              new PersonSeed(id("person:mia"), "mia", "Mia Chen", "mia@crossroads.example",
                  division.id(), "Head of Brand", 7, head.id(), ZoneId.of("America/New_York"),
                  true, false, List.of("brand", "content strategy", "public speaking"), 4, true);
          people.add(mia);
          divisionLeaders.add(mia);
        }
        case "People" -> people.add(new PersonSeed(id("person:hana"), "hana", "Hana Sato",
            "hana@crossroads.example", division.id(), "HR Business Partner", 6, head.id(),
            ZoneId.of("Europe/Berlin"), false, true, List.of(), 0, false));
        default -> {}
      }
      List<PersonSeed> managers = divisionLeaders.size() > 1
          ? divisionLeaders.subList(1, divisionLeaders.size())
          : divisionLeaders;
      for (int i = 0; i < employees; i++) {
        String[] name = generatedName();
        int level = 2 + random.nextInt(5);
        String title = EMPLOYEE_TITLES[Math.min(EMPLOYEE_TITLES.length - 1, level - 2)]
            + ", " + capitalise(pick(spec.topics()));
        people.add(new PersonSeed(id("person:" + name[2]), name[2], name[0] + " " + name[1],
            name[2] + "@crossroads.example", division.id(), title, level,
            managers.get(random.nextInt(managers.size())).id(), ZoneId.of(pick(zones)),
            false, spec.name().equals("People") && random.nextInt(4) == 0, List.of(), 0, false));
      }
    }

    private static boolean isLeaderDivision(DivisionSpec spec) {
      return spec.name().equals("Engineering") || spec.name().equals("Marketing");
    }

    private PersonSeed leader(DivisionSeed division, DivisionSpec spec, List<String> zones,
        String title, int level, UUID managerId, String[] name) {
      List<String> topics = new ArrayList<>();
      int count = 2 + random.nextInt(3);
      while (topics.size() < count) {
        String topic = random.nextInt(4) == 0 ? pick(SHARED_TOPICS) : pick(spec.topics());
        if (!topics.contains(topic)) {
          topics.add(topic);
        }
      }
      int[] caps = {2, 3, 4, 4, 4, 4, 6, 8};
      return new PersonSeed(id("person:" + name[2]), name[2], name[0] + " " + name[1],
          name[2] + "@crossroads.example", division.id(), title, level, managerId,
          ZoneId.of(pick(zones)), true, false, List.copyOf(topics), caps[random.nextInt(caps.length)],
          random.nextInt(10) != 0);
    }

    /** First name, last name and a unique user name. */
    private String[] generatedName() {
      String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
      String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
      String base = (first + "." + last).toLowerCase();
      String username = base;
      for (int n = 2; !usernames.add(username); n++) {
        username = base + n;
      }
      return new String[] {first, last, username};
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    private static String capitalise(String text) {
      return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
  }
}
