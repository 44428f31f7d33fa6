package io.crossroads.it;

import io.crossroads.demo.DemoOrganisation;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, deployed as it is: the integration tests test the real artifact. One
 * Payara Micro runs it for every Arquillian test class of the run (arquillian.xml names this class
 * as the suite's deployment), so the classes share its database and its memory as the users of one
 * instance would.
 */
final class Deployments {

  /** People in the demo organisation the deployment starts with (arquillian.xml). */
  static final int DEMO_SIZE = Integer.getInteger("crossroads.it.demo.size");

  /** Of them, the people still employed, whom the directory lists: all but the demo's leavers. */
  static final int DEMO_EMPLOYED =
      (int)
          DemoOrganisation.generate(DEMO_SIZE).people().stream().filter(PersonSeed::active).count();

  private Deployments() {}

  @Deployment(testable = false)
  static WebArchive crossroads() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("crossroads.it.war")));
  }
}
