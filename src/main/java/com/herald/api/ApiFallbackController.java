package com.herald.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any /api path no endpoint serves answers not_found in the envelope rather than an HTML page. */
@Hidden
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown() {
        throw ApiException.notFound();
    }
}
