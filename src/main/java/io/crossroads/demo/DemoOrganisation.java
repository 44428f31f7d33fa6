package io.crossroads.demo;

import io.crossroads.network.MentoringOffer;
import io.crossroads.network.ThankYou;
import io.crossroads.program.Eligibility;
import io.crossroads.requests.RequestStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A deterministic company for demos, tests and benchmarks: divisions of uneven size (eight in the
 * demo, up to forty), a head per division, leaders (about 10 %) reporting to the head, employees
 * reporting to leaders, time zones on three continents, the five well-known users of the API
 * contract, employees' interests (popular divisions and topics are much more popular), two years of
 * held interviews (popular leaders held many more than the others, none beyond their monthly cap)
 * and what followed them (thank-yous, referrals in chains, contacts kept in touch with, feedback
 * and talent flags, consent, mentoring offers), hiring days over ten years, internal moves and
 * leavers over the last two ({@link Careers}). The same shape always gives the same organisation,
 * ids included.
 */
public final class DemoOrganisation {

  public static final long DEFAULT_SEED = 20_260_301L;

  /** The well-known users the sign-in page suggests trying in demo mode. */
  static final List<String> SIGN_IN_USERS = List.of("ava", "ben", "leo", "mia", "hana");

  /** Division names and their relative size: some divisions are much larger than others. */
  private static final List<DivisionSpec> DIVISIONS =
      List.of(
          new DivisionSpec(
              "Engineering",
              30,
              List.of(
                  "architecture",
                  "platform engineering",
                  "developer experience",
                  "security",
                  "mobile",
                  "cloud cost")),
          new DivisionSpec(
              "Finance",
              12,
              List.of("budgeting", "forecasting", "procurement", "audit", "treasury")),
          new DivisionSpec(
              "Marketing",
              11,
              List.of("brand", "content strategy", "growth", "market research", "events")),
          new DivisionSpec(
              "Sales",
              16,
              List.of(
                  "enterprise sales",
                  "partnerships",
                  "negotiation",
                  "customer success",
                  "pricing")),
          new DivisionSpec(
              "Operations",
              10,
              List.of(
                  "supply chain",
                  "logistics",
                  "process improvement",
                  "vendor management",
                  "facilities")),
          new DivisionSpec(
              "Data Platform",
              9,
              List.of(
                  "data engineering",
                  "machine learning",
                  "analytics",
                  "data governance",
                  "experimentation")),
          new DivisionSpec(
              "Product",
              8,
              List.of(
                  "product discovery",
                  "roadmapping",
                  "ux research",
                  "product analytics",
                  "go-to-market")),
          new DivisionSpec(
              "People",
              4,
              List.of(
                  "talent development",
                  "recruiting",
                  "compensation",
                  "learning",
                  "organisation design")));

  /** Beyond the demo's eight, for larger shapes: name, then topics; later ones are smaller. */
  private static final List<List<String>> MORE_DIVISIONS =
      List.of(
          List.of(
              "Customer Support",
              "support operations",
              "escalation management",
              "knowledge bases",
              "customer experience"),
          List.of(
              "Security",
              "threat modelling",
              "incident response",
              "identity",
              "security engineering"),
          List.of(
              "Design", "interaction design", "design systems", "accessibility", "visual design"),
          List.of("Research", "applied research", "prototyping", "patents", "research strategy"),
          List.of("Legal", "contracts", "privacy law", "intellectual property", "litigation"),
          List.of(
              "Cloud Infrastructure",
              "kubernetes",
              "site reliability",
              "networking",
              "capacity planning"),
          List.of(
              "Payments", "payment systems", "fraud prevention", "reconciliation", "regulation"),
          List.of("Mobile", "ios", "android", "app store growth", "mobile performance"),
          List.of(
              "Manufacturing", "lean manufacturing", "automation", "plant operations", "safety"),
          List.of(
              "Quality",
              "quality assurance",
              "test automation",
              "six sigma",
              "root cause analysis"),
          List.of("Risk", "risk modelling", "credit risk", "operational risk", "stress testing"),
          List.of(
              "Compliance", "regulatory reporting", "anti money laundering", "policy", "controls"),
          List.of(
              "Strategy",
              "corporate strategy",
              "competitive analysis",
              "planning",
              "scenario planning"),
          List.of(
              "Communications",
              "internal communications",
              "press relations",
              "crisis communication",
              "storytelling"),
          List.of(
              "Internal Audit",
              "audit planning",
              "controls testing",
              "fraud investigation",
              "governance"),
          List.of(
              "IT Services",
              "service desk",
              "end user computing",
              "it asset management",
              "collaboration tools"),
          List.of(
              "Real Estate", "workplace strategy", "leasing", "construction", "energy management"),
          List.of(
              "Investor Relations",
              "earnings",
              "shareholder communication",
              "valuation",
              "esg reporting"),
          List.of(
              "Field Operations",
              "field service",
              "scheduling",
              "fleet management",
              "technician training"),
          List.of(
              "Retail",
              "store operations",
              "merchandising",
              "retail analytics",
              "visual merchandising"),
          List.of(
              "Analytics",
              "business intelligence",
              "dashboards",
              "statistics",
              "data storytelling"),
          List.of(
              "Sustainability",
              "carbon accounting",
              "circular economy",
              "sustainable sourcing",
              "climate risk"),
          List.of(
              "Corporate Development",
              "mergers and acquisitions",
              "due diligence",
              "integration",
              "venture investing"),
          List.of(
              "Learning", "instructional design", "leadership programs", "e-learning", "coaching"),
          List.of(
              "Public Affairs",
              "government relations",
              "public policy",
              "advocacy",
              "community engagement"),
          List.of(
              "Solutions Engineering",
              "pre-sales",
              "solution architecture",
              "demos",
              "technical writing"),
          List.of(
              "Professional Services",
              "implementation",
              "consulting",
              "project management",
              "delivery"),
          List.of("Hardware", "embedded systems", "hardware design", "firmware", "supply planning"),
          List.of(
              "Developer Relations",
              "developer advocacy",
              "documentation",
              "open source",
              "community"),
          List.of(
              "Localization",
              "translation",
              "internationalisation",
              "localization tooling",
              "linguistics"),
          List.of(
              "Trust and Safety",
              "content moderation",
              "policy enforcement",
              "abuse detection",
              "transparency"),
          List.of(
              "Business Operations",
              "operating cadence",
              "okrs",
              "business reviews",
              "process design"));

  private static final List<String> SHARED_TOPICS =
      List.of(
          "leadership",
          "career growth",
          "public speaking",
          "stakeholder management",
          "remote work",
          "mentoring");

  private static final List<List<String>> ZONES_BY_CONTINENT =
      List.of(
          List.of("America/New_York", "America/Chicago", "America/Los_Angeles", "America/Toronto"),
          List.of("Europe/Berlin", "Europe/London", "Europe/Paris", "Europe/Madrid"),
          List.of("Asia/Singapore", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"));

  private static final String[] FIRST_NAMES = {
    "Aaron",
    "Abena",
    "Adam",
    "Aditi",
    "Ahmed",
    "Aiko",
    "Alba",
    "Alex",
    "Amara",
    "Ana",
    "Andrei",
    "Anika",
    "Arjun",
    "Aylin",
    "Beatriz",
    "Bilal",
    "Bruno",
    "Camila",
    "Carlos",
    "Chen",
    "Chloe",
    "Daniel",
    "Dara",
    "David",
    "Diego",
    "Elena",
    "Elif",
    "Emma",
    "Ethan",
    "Fatima",
    "Felix",
    "Freya",
    "Gabriel",
    "Grace",
    "Hamza",
    "Hannah",
    "Hiro",
    "Ines",
    "Isaac",
    "Ivan",
    "Jana",
    "Javier",
    "Jin",
    "Jonas",
    "Julia",
    "Kai",
    "Kenji",
    "Lara",
    "Layla",
    "Lena",
    "Lucas",
    "Maya",
    "Mateo",
    "Mei",
    "Mohammed",
    "Nadia",
    "Nia",
    "Noah",
    "Olga",
    "Omar",
    "Priya",
    "Rafael",
    "Ravi",
    "Rosa",
    "Sara",
    "Sofia",
    "Tariq",
    "Thomas",
    "Uma",
    "Victor",
    "Yara",
    "Yusuf",
    "Zoe"
  };

  private static final String[] LAST_NAMES = {
    "Abbott",
    "Adeyemi",
    "Alvarez",
    "Andersen",
    "Baker",
    "Banerjee",
    "Becker",
    "Bianchi",
    "Brown",
    "Castro",
    "Chen",
    "Costa",
    "Dubois",
    "Dimitrov",
    "Eriksson",
    "Fischer",
    "Fernandes",
    "Garcia",
    "Gupta",
    "Haddad",
    "Hansen",
    "Ito",
    "Ivanova",
    "Jansen",
    "Kaur",
    "Kim",
    "Kowalski",
    "Larsen",
    "Lee",
    "Lopez",
    "Mendes",
    "Meyer",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Okafor",
    "Olsen",
    "Patel",
    "Petrov",
    "Quinn",
    "Rahman",
    "Rossi",
    "Santos",
    "Schmidt",
    "Silva",
    "Suzuki",
    "Tan",
    "Tanaka",
    "Torres",
    "Volkov",
    "Wagner",
    "Walsh",
    "Weber",
    "Wong",
    "Yilmaz",
    "Zhang"
  };

  private static final String[] EMPLOYEE_TITLES = {
    "Associate", "Analyst", "Specialist", "Senior Specialist", "Lead Specialist"
  };

  private record DivisionSpec(String name, int weight, List<String> topics) {}

  /** A division to create. */
  public record DivisionSeed(UUID id, String name) {}

  /**
   * A person to create, with a leader profile when {@code leader} is set. They joined {@code
   * hiredDaysAgo} days before the seeding day and, if {@code leftDaysAgo} is set, left that many
   * days before it (inactive since).
   */
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
      boolean acceptingRequests,
      int hiredDaysAgo,
      Integer leftDaysAgo) {

    PersonSeed(
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
        boolean acceptingRequests) {
      this(
          id,
          username,
          displayName,
          email,
          divisionId,
          title,
          level,
          managerId,
          timeZone,
          leader,
          hr,
          topics,
          monthlyCap,
          acceptingRequests,
          0,
          null);
    }

    public boolean active() {
      return leftDaysAgo == null;
    }

    PersonSeed employed(int hiredDaysAgo, Integer leftDaysAgo) {
      return new PersonSeed(
          id,
          username,
          displayName,
          email,
          divisionId,
          title,
          level,
          managerId,
          timeZone,
          leader,
          hr,
          topics,
          monthlyCap,
          acceptingRequests,
          hiredDaysAgo,
          leftDaysAgo);
    }

    PersonSeed movedTo(UUID divisionId, UUID managerId) {
      return new PersonSeed(
          id,
          username,
          displayName,
          email,
          divisionId,
          title,
          level,
          managerId,
          timeZone,
          leader,
          hr,
          topics,
          monthlyCap,
          acceptingRequests,
          hiredDaysAgo,
          leftDaysAgo);
    }
  }

  /**
   * A move from one division to another, effective {@code daysAgo} days before the seeding day: the
   * person is in {@code toDivisionId} from that day on.
   */
  public record MoveSeed(
      UUID id, UUID personId, UUID fromDivisionId, UUID toDivisionId, int daysAgo) {}

  /** What an employee wants to learn about: divisions they look towards, topics, goals. */
  public record InterestSeed(
      UUID personId, List<UUID> targetDivisionIds, List<String> topics, String goals) {}

  /**
   * A held interview some days before the seeding day: the history reports and repeat rules work
   * on. {@code referralId} is the referral its request cited, if any. The request was sent nine
   * days before the start and accepted two days later.
   */
  public record HistorySeed(
      UUID employeeId, UUID leaderId, int daysAgo, int hourUtc, UUID referralId) {

    public static final Duration LENGTH = Duration.ofMinutes(20);
    public static final Duration REQUESTED_BEFORE = Duration.ofDays(9);

    public HistorySeed(UUID employeeId, UUID leaderId, int daysAgo, int hourUtc) {
      this(employeeId, leaderId, daysAgo, hourUtc, null);
    }

    public UUID requestId() {
      return id("request:" + employeeId + ":" + leaderId + ":" + daysAgo);
    }

    public UUID interviewId() {
      return id("interview:" + requestId());
    }

    public Duration start() {
      return Duration.ofDays(-daysAgo).plusHours(hourUtc);
    }

    public Duration end() {
      return start().plus(LENGTH);
    }

    public Duration requested() {
      return start().minus(REQUESTED_BEFORE);
    }
  }

  /** The employee's thanks for a held interview: on time within 48 hours of its end. */
  public record ThankYouSeed(
      UUID interviewId,
      UUID employeeId,
      UUID leaderId,
      String message,
      Duration interviewEnd,
      Duration sent) {

    public boolean onTime() {
      return sent.compareTo(interviewEnd.plus(ThankYou.ON_TIME)) <= 0;
    }
  }

  /**
   * Someone a leader named at the end of a held interview: {@code depth} 1 after an interview that
   * did not come from a referral, else one more than the referral it came from ({@code cameFrom}).
   */
  public record ReferralSeed(
      UUID id,
      UUID interviewId,
      UUID referrerId,
      UUID employeeId,
      UUID referredId,
      boolean mayUseName,
      String note,
      int depth,
      UUID cameFrom,
      int position,
      Duration created) {}

  /**
   * A request citing a referral that did not become an interview: declined by the leader, or
   * expired after two follow-ups.
   */
  public record ClosedRequestSeed(
      UUID id,
      UUID employeeId,
      UUID leaderId,
      UUID referralId,
      RequestStatus status,
      Duration sent,
      Duration lastAttempt,
      int followUps,
      Duration answered) {}

  /** One time the employee was in touch with a contact. */
  public record TouchSeed(UUID id, Duration at, boolean onTime, String note) {}

  /**
   * A leader the employee met, kept in touch with: touches so far, when the next is due, snoozed
   * until some day after the seeding day ({@code snoozedForDays}) or stopped.
   */
  public record ContactSeed(
      UUID employeeId,
      UUID personId,
      int cadenceDays,
      Duration met,
      Duration lastTouch,
      Duration nextDue,
      Integer snoozedForDays,
      boolean stopped,
      int touchesDue,
      int touchesOnTime,
      List<TouchSeed> touches) {}

  /** A leader's feedback on a held interview, perhaps flagging the employee for the talent pool. */
  public record FeedbackSeed(
      UUID interviewId,
      UUID leaderId,
      UUID employeeId,
      boolean talentPool,
      List<String> strengths,
      String note,
      Duration given) {}

  /** Whether HR may see the employee's talent flags. */
  public record ConsentSeed(UUID employeeId, boolean visibleToHr, Duration changed) {}

  /** A leader's offer of mentoring after a held interview; {@code answer} null while open. */
  public record MentoringSeed(
      UUID interviewId,
      UUID leaderId,
      UUID employeeId,
      Duration offered,
      MentoringOffer.Answer answer,
      Duration answered) {}

  /** Someone who chose whether to get the weekly mail of contacts due. */
  public record DigestSeed(UUID personId, boolean weekly, Duration changed) {}

  /** What followed the held interviews. */
  public record Network(
      List<ThankYouSeed> thankYous,
      List<ReferralSeed> referrals,
      List<ClosedRequestSeed> closedRequests,
      List<ContactSeed> contacts,
      List<FeedbackSeed> feedback,
      List<ConsentSeed> consents,
      List<MentoringSeed> mentoring,
      List<DigestSeed> digests) {}

  /**
   * The whole generated organisation, managers always listed before their reports (people who moved
   * division come last). Times are offsets from the start (00:00 UTC) of the day the organisation
   * is seeded, negative before it; everything that happened lies before that day. Every interview
   * and request was valid at its time: the divisions people were in then differ, and nobody took
   * part in anything after leaving.
   */
  public record Plan(
      List<DivisionSeed> divisions,
      List<PersonSeed> people,
      List<InterestSeed> interests,
      List<HistorySeed> history,
      List<String> vocabulary,
      Network network,
      List<MoveSeed> moves) {}

  /**
   * How large an organisation to generate: people in all, divisions (8 to 40), the seed. {@link
   * #ENTERPRISE} is the target scale: 100,000 employees and 10,000 leaders in 40 divisions.
   */
  public record Shape(int size, int divisions, long seed, double leaderShare) {
    public static final Shape ENTERPRISE = new Shape(110_000, 40, DEFAULT_SEED, 1 / 11.0);

    public Shape(int size, int divisions, long seed) {
      this(size, divisions, seed, 0.10);
    }

    public Shape {
      if (size < 40
          || divisions < 8
          || divisions > DIVISIONS.size() + MORE_DIVISIONS.size()
          || size < divisions * 5
          || leaderShare <= 0
          || leaderShare >= 0.5) {
        throw new IllegalArgumentException(
            "an organisation needs at least 40 people, 5 per division, and 8 to 40 divisions");
      }
    }
  }

  private DemoOrganisation() {}

  public static Plan generate(int size) {
    return generate(size, DEFAULT_SEED);
  }

  public static Plan generate(int size, long seed) {
    return generate(new Shape(size, DIVISIONS.size(), seed));
  }

  public static Plan generate(Shape shape) {
    Random random = new Random(shape.seed());
    List<DivisionSpec> specs = new ArrayList<>(DIVISIONS);
    for (int i = 0; specs.size() < shape.divisions(); i++) {
      List<String> more = MORE_DIVISIONS.get(i);
      // A long tail: each further division is smaller than the one before.
      specs.add(
          new DivisionSpec(
              more.get(0),
              Math.max(2, Math.round(14f / (1 + i * 0.25f))),
              more.subList(1, more.size())));
    }
    List<DivisionSeed> divisions = new ArrayList<>();
    for (DivisionSpec d : specs) {
      divisions.add(new DivisionSeed(id("division:" + d.name()), d.name()));
    }
    Generator generator = new Generator(random, shape.leaderShare());
    int size = shape.size();
    int totalWeight = specs.stream().mapToInt(DivisionSpec::weight).sum();
    int assigned = 0;
    for (int i = 0; i < specs.size(); i++) {
      DivisionSpec spec = specs.get(i);
      int headcount =
          i == specs.size() - 1 ? size - assigned : Math.max(5, size * spec.weight() / totalWeight);
      assigned += headcount;
      generator.division(divisions.get(i), spec, headcount);
    }
    // Careers (hiring, moves, leaving), interests and history draw from sequences of their own,
    // so the people stay as they were.
    Careers careers =
        Careers.hire(
            new Random(shape.seed() ^ 0x9E3779B97F4A7C15L),
            generator.people,
            divisions.stream().map(DivisionSeed::id).toList());
    Aspirations aspirations =
        new Aspirations(
            new Random(shape.seed() ^ 0x5DEECE66DL), specs, divisions, generator.people);
    List<String> vocabulary = new ArrayList<>(SHARED_TOPICS);
    specs.forEach(spec -> vocabulary.addAll(spec.topics()));
    List<InterestSeed> interests = aspirations.interests();
    List<HistorySeed> held = careers.settle(aspirations.history(careers::hiredDaysAgo));
    // What followed the interviews draws from a sequence of its own too.
    NetworkHistory network =
        NetworkHistory.after(
            new Random(shape.seed() ^ 0x2545F4914F6CDD1DL), generator.people, held, careers);
    return new Plan(
        List.copyOf(divisions),
        careers.people(),
        careers.interests(interests),
        network.history(),
        vocabulary.stream().distinct().sorted().toList(),
        network.network(),
        careers.moves());
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
    private final Set<String> usernames =
        new HashSet<>(List.of("ava", "ben", "leo", "mia", "hana"));

    private final double leaderShare;

    Generator(Random random, double leaderShare) {
      this.random = random;
      this.leaderShare = leaderShare;
    }

    /** Adds {@code headcount} people to the division, well-known users included. */
    void division(DivisionSeed division, DivisionSpec spec, int headcount) {
      List<String> zones = ZONES_BY_CONTINENT.get(random.nextInt(ZONES_BY_CONTINENT.size()));
      int leaders = Math.max(2, (int) Math.round(headcount * leaderShare));
      int employees = headcount - leaders - wellKnownEmployeesIn(spec.name());

      PersonSeed head =
          leader(division, spec, zones, "VP " + spec.name(), 10, null, generatedName());
      people.add(head);
      List<PersonSeed> divisionLeaders = new ArrayList<>(List.of(head));
      for (int i = 1; i < leaders - (isLeaderDivision(spec) ? 1 : 0); i++) {
        String title =
            (random.nextBoolean() ? "Director, " : "Head of ") + capitalise(pick(spec.topics()));
        PersonSeed leader =
            leader(division, spec, zones, title, 5 + random.nextInt(4), head.id(), generatedName());
        people.add(leader);
        divisionLeaders.add(leader);
      }
      switch (spec.name()) {
        case "Engineering" -> {
          PersonSeed leo =
              new PersonSeed(
                  id("person:leo"),
                  "leo",
                  "Leo Martins",
                  "leo@crossroads.example",
                  division.id(),
                  "Director, Platform Engineering",
                  7,
                  head.id(),
                  ZoneId.of("Europe/Berlin"),
                  true,
                  false,
                  List.of("architecture", "platform engineering", "career growth", "mentoring"),
                  4,
                  true);
          people.add(leo);
          divisionLeaders.add(leo);
          people.add(
              new PersonSeed(
                  id("person:ben"),
                  "ben",
                  "Ben Okafor",
                  "ben@crossroads.example",
                  division.id(),
                  "Software Engineer",
                  3,
                  leo.id(),
                  ZoneId.of("Europe/London"),
                  false,
                  false,
                  List.of(),
                  0,
                  false));
        }
        case "Finance" ->
            people.add(
                new PersonSeed(
                    id("person:ava"),
                    "ava",
                    "Ava Thompson",
                    "ava@crossroads.example",
                    division.id(),
                    "Financial Analyst",
                    4,
                    divisionLeaders.get(divisionLeaders.size() - 1).id(),
                    ZoneId.of("America/New_York"),
                    false,
                    false,
                    List.of(),
                    0,
                    false));
        case "Marketing" -> {
          PersonSeed mia =
              new PersonSeed(
                  id("person:mia"),
                  "mia",
                  "Mia Chen",
                  "mia@crossroads.example",
                  division.id(),
                  "Head of Brand",
                  7,
                  head.id(),
                  ZoneId.of("America/New_York"),
                  true,
                  false,
                  List.of("brand", "content strategy", "public speaking"),
                  4,
                  true);
          people.add(mia);
          divisionLeaders.add(mia);
        }
        case "People" ->
            people.add(
                new PersonSeed(
                    id("person:hana"),
                    "hana",
                    "Hana Sato",
                    "hana@crossroads.example",
                    division.id(),
                    "HR Business Partner",
                    6,
                    head.id(),
                    ZoneId.of("Europe/Berlin"),
                    false,
                    true,
                    List.of(),
                    0,
                    false));
        default -> {}
      }
      List<PersonSeed> managers =
          divisionLeaders.size() > 1
              ? divisionLeaders.subList(1, divisionLeaders.size())
              : divisionLeaders;
      for (int i = 0; i < employees; i++) {
        String[] name = generatedName();
        int level = 2 + random.nextInt(5);
        String title =
            EMPLOYEE_TITLES[Math.min(EMPLOYEE_TITLES.length - 1, level - 2)]
                + ", "
                + capitalise(pick(spec.topics()));
        people.add(
            new PersonSeed(
                id("person:" + name[2]),
                name[2],
                name[0] + " " + name[1],
                name[2] + "@crossroads.example",
                division.id(),
                title,
                level,
                managers.get(random.nextInt(managers.size())).id(),
                ZoneId.of(pick(zones)),
                false,
                spec.name().equals("People") && random.nextInt(4) == 0,
                List.of(),
                0,
                false));
      }
    }

    private static boolean isLeaderDivision(DivisionSpec spec) {
      return spec.name().equals("Engineering") || spec.name().equals("Marketing");
    }

    private PersonSeed leader(
        DivisionSeed division,
        DivisionSpec spec,
        List<String> zones,
        String title,
        int level,
        UUID managerId,
        String[] name) {
      List<String> topics = new ArrayList<>();
      int count = 2 + random.nextInt(3);
      while (topics.size() < count) {
        String topic = random.nextInt(4) == 0 ? pick(SHARED_TOPICS) : pick(spec.topics());
        if (!topics.contains(topic)) {
          topics.add(topic);
        }
      }
      int[] caps = {2, 3, 4, 4, 4, 4, 6, 8};
      return new PersonSeed(
          id("person:" + name[2]),
          name[2],
          name[0] + " " + name[1],
          name[2] + "@crossroads.example",
          division.id(),
          title,
          level,
          managerId,
          ZoneId.of(pick(zones)),
          true,
          false,
          List.copyOf(topics),
          caps[random.nextInt(caps.length)],
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

  /** What employees are curious about, and whom they have already met. */
  static final class Aspirations {
    private static final String[] GOALS = {
      "Understand how other parts of the company work",
      "Explore a move into a new field within two years",
      "Build a network outside my own division",
      "Learn how decisions are made in a division I work with",
      "Find out which skills I need for my next role"
    };

    /** The contract's users start with a clean history, so what they do is all there is. */
    static final Set<String> WELL_KNOWN = Set.of("ava", "ben", "leo", "mia", "hana");

    /** One leader in this many is popular (heads and the contract's leaders not counted). */
    static final int POPULAR_EVERY = 6;

    /** How many times as often as another leader a popular one is asked. */
    static final int POPULAR_WEIGHT = 8;

    private final Random random;
    private final List<DivisionSpec> specs;
    private final List<DivisionSeed> divisions;
    private final List<PersonSeed> people;
    private final List<PersonSeed> leaders;

    /** Cumulative popularity of divisions as targets: the popular few draw most of the interest. */
    private final double[] popularity;

    /** Cumulative weights of {@link #leaders} as the one asked: popular leaders weigh more. */
    private final int[] asked;

    Aspirations(
        Random random,
        List<DivisionSpec> specs,
        List<DivisionSeed> divisions,
        List<PersonSeed> people) {
      this.random = random;
      this.specs = specs;
      this.divisions = divisions;
      this.people = people;
      this.leaders = people.stream().filter(PersonSeed::leader).toList();
      this.popularity = new double[specs.size()];
      double sum = 0;
      for (int i = 0; i < specs.size(); i++) {
        // Data Platform and Product are where everyone wants to look; then by size, skewed.
        double weight =
            Math.pow(specs.get(i).weight(), 1.5)
                * (specs.get(i).name().equals("Data Platform")
                        || specs.get(i).name().equals("Product")
                    ? 4
                    : 1);
        sum += weight;
        popularity[i] = sum;
      }
      for (int i = 0; i < popularity.length; i++) {
        popularity[i] /= sum;
      }
      this.asked = new int[leaders.size()];
      int weights = 0;
      int counted = 0;
      for (int i = 0; i < leaders.size(); i++) {
        PersonSeed leader = leaders.get(i);
        // Heads are above every employee's level band; the contract's leaders stay as they are.
        boolean popular =
            leader.managerId() != null
                && !WELL_KNOWN.contains(leader.username())
                && counted++ % POPULAR_EVERY == 0;
        weights += popular ? POPULAR_WEIGHT : 1;
        asked[i] = weights;
      }
    }

    List<InterestSeed> interests() {
      List<InterestSeed> interests = new ArrayList<>();
      for (PersonSeed person : people) {
        if (person.leader() || person.username().equals("ava") || person.username().equals("ben")) {
          continue;
        }
        List<UUID> targets = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        int wanted = 1 + random.nextInt(2);
        for (int attempt = 0; targets.size() < wanted && attempt < 10; attempt++) {
          int d = popularDivision();
          UUID target = divisions.get(d).id();
          if (!target.equals(person.divisionId()) && !targets.contains(target)) {
            targets.add(target);
            // Earlier topics of a division are its better-known ones.
            List<String> known = specs.get(d).topics();
            addTopic(
                topics,
                known.get(Math.min(random.nextInt(known.size()), random.nextInt(known.size()))));
          }
        }
        int topicCount = 2 + random.nextInt(3);
        for (int attempt = 0; topics.size() < topicCount && attempt < 10; attempt++) {
          if (random.nextInt(5) < 2) {
            addTopic(
                topics,
                SHARED_TOPICS.get(
                    Math.min(
                        random.nextInt(SHARED_TOPICS.size()),
                        random.nextInt(SHARED_TOPICS.size()))));
          } else {
            List<String> known = specs.get(popularDivision()).topics();
            addTopic(topics, known.get(random.nextInt(known.size())));
          }
        }
        interests.add(
            new InterestSeed(
                person.id(),
                List.copyOf(targets),
                List.copyOf(topics),
                GOALS[random.nextInt(GOALS.length)]));
      }
      return List.copyOf(interests);
    }

    /**
     * About a third of employees held one or two interviews in the last two years (two in three in
     * the last year), each with a leader the program's policy pairs them with and within the
     * leader's monthly cap, and not before they were hired: the request, nine days before the
     * interview, came after their first day. One leader in {@value #POPULAR_EVERY} is popular,
     * asked {@value #POPULAR_WEIGHT} times as often as the others: loads run from none to ten and
     * more a year, in groups large enough for the leaders report to show.
     */
    List<HistorySeed> history(java.util.function.ToIntFunction<UUID> hiredDaysAgo) {
      List<HistorySeed> history = new ArrayList<>();
      Map<UUID, PersonSeed> byId = new HashMap<>();
      people.forEach(p -> byId.put(p.id(), p));
      MonthlyCaps caps = new MonthlyCaps(List.of());
      for (PersonSeed person : people) {
        if (person.leader() || WELL_KNOWN.contains(person.username()) || random.nextInt(3) != 0) {
          continue;
        }
        int count = 1 + random.nextInt(2);
        int latest = hiredDaysAgo.applyAsInt(person.id()) - 10;
        for (int attempt = 0, held = 0; held < count && attempt < 20; attempt++) {
          PersonSeed leader = askedLeader();
          int daysAgo =
              random.nextInt(3) == 0 ? 365 + random.nextInt(330) : 7 + random.nextInt(350);
          if (daysAgo > latest) {
            if (latest < 7) {
              break;
            }
            daysAgo = 7 + random.nextInt(latest - 6);
          }
          if (Eligibility.DEFAULT.pair(facts(person, byId), facts(leader)).eligible()
              && caps.fits(leader, daysAgo)) {
            history.add(new HistorySeed(person.id(), leader.id(), daysAgo, 8 + random.nextInt(9)));
            caps.add(leader.id(), daysAgo);
            held++;
          }
        }
      }
      return List.copyOf(history);
    }

    static Eligibility.Employee facts(PersonSeed person, Map<UUID, PersonSeed> byId) {
      Set<UUID> chain = new HashSet<>();
      for (UUID m = person.managerId(); m != null && chain.add(m); m = byId.get(m).managerId()) {
        // up to the top
      }
      return new Eligibility.EmployeeFacts(
          person.id(), person.divisionId(), person.level(), chain, Set.of(), Set.of());
    }

    static Eligibility.Leader facts(PersonSeed leader) {
      return new Eligibility.LeaderFacts(
          leader.id(),
          leader.displayName(),
          leader.divisionId(),
          leader.level(),
          leader.acceptingRequests(),
          leader.monthlyCap());
    }

    /** A leader drawn by weight, in one draw: popular leaders come up more often. */
    private PersonSeed askedLeader() {
      int drawn = random.nextInt(asked[asked.length - 1]);
      int at = Arrays.binarySearch(asked, drawn + 1);
      return leaders.get(at >= 0 ? at : -at - 1);
    }

    private int popularDivision() {
      double r = random.nextDouble();
      for (int i = 0; i < popularity.length; i++) {
        if (r < popularity[i]) {
          return i;
        }
      }
      return popularity.length - 1;
    }

    private static void addTopic(List<String> topics, String topic) {
      if (!topics.contains(topic)) {
        topics.add(topic);
      }
    }
  }
}
