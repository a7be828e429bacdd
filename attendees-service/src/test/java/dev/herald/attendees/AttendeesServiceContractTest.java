package dev.herald.attendees;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.ServiceContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class AttendeesServiceContractTest extends ServiceContractTest {

    @Override
    protected String writerRole() {
        return "admin";
    }

    @Override
    protected String otherRole() {
        return "editor";
    }

    @Override
    protected String listingPath() {
        return "/api/people";
    }
}
