package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.UnsubscribeTargets;
import com.herald.platform.PublicUrl;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** Reading a token needs no database: the schedule's description comes from the scheduling module's SPI. */
class UnsubscribeServiceTest {

    final HmacLinkSigner signer = new HmacLinkSigner(() -> HmacLinkSignerTest.KEY, Clock.systemUTC());
    final PublicUrl publicUrl =
            new PublicUrl(new MockEnvironment().withProperty("herald.public-url", "https://herald.example.com"));
    final UUID known = UUID.randomUUID();

    @Test
    void theLinkIsAbsoluteAndItsTokenNamesScheduleAndLowerCasedAddress() {
        UnsubscribeService service = service(new StaticListableBeanFactory());

        String token = service.token(known, " Ann@Example.com ");

        assertThat(service.url(known, "Ann@Example.com"))
                .hasToString("https://herald.example.com/unsubscribe/" + token);
        assertThat(service.read(token))
                .contains(new UnsubscribeService.Target(known, "ann@example.com", Optional.empty()));
    }

    @Test
    void theDescriptionComesFromUnsubscribeTargetsWhenItKnowsTheSchedule() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        UnsubscribeTargets targets =
                schedule -> schedule.equals(known) ? Optional.of("\"Weekly sales\" (Sales)") : Optional.empty();
        beans.addBean("targets", targets);
        UnsubscribeService service = service(beans);

        assertThat(service.read(service.token(known, "a@example.com"))
                        .orElseThrow()
                        .description())
                .contains("\"Weekly sales\" (Sales)");
        assertThat(service.read(service.token(UUID.randomUUID(), "a@example.com"))
                        .orElseThrow()
                        .description())
                .isEmpty();
    }

    private UnsubscribeService service(StaticListableBeanFactory beans) {
        return new UnsubscribeService(
                null, signer, publicUrl, event -> {}, null, beans.getBeanProvider(UnsubscribeTargets.class));
    }
}
