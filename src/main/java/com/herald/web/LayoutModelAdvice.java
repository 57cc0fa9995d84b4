package com.herald.web;

import com.herald.platform.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the current path for the navigation, the request id for support. */
@ControllerAdvice
class LayoutModelAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("requestId")
    Object requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIds.MDC_KEY);
        return id != null ? id : RequestIds.current();
    }
}
