package dev.herald.content;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.ServiceContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ContentServiceContractTest extends ServiceContractTest {

    @Override
    protected String writerRole() {
        return "editor";
    }

    @Override
    protected String otherRole() {
        return "subscriber";
    }

    @Override
    protected String listingPath() {
        return "/api/reports";
    }
}
