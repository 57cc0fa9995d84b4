package com.herald.scheduling.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule editor as typed: every value as text (a broken number is a field error, never a binding failure),
 * so nothing typed is lost when the form comes back with errors. A JavaBean rather than a record because it binds
 * lists (weekdays, lists, formats) and a map (the report type's parameters, {@code parameters[region]}).
 * {@code recipients} is never typed: it only carries the error "at least one recipient".
 */
public class ScheduleForm {

    private Integer version;
    private String name = "";
    private String description = "";
    private String teamId = "";
    private String reportType = "";
    private Map<String, String> parameters = new LinkedHashMap<>();
    private String frequency = "daily";
    private String minute = "0";
    private String time = "08:00";
    private List<String> daysOfWeek = new ArrayList<>(List.of("MON"));
    private String dayOfMonth = "1";
    private String expression = "";
    private String timeZone = "";
    private String startAt = "";
    private String endAt = "";
    private List<String> listIds = new ArrayList<>();
    private String emails = "";
    private boolean subscribeMe;
    private List<String> formats = new ArrayList<>();
    private String subject = "";
    private boolean skipIfEmpty;
    private String timeoutSeconds = "";
    private String maxRetries = "";
    private String retryBackoffSeconds = "";
    private String overlapPolicy = "";
    private String catchupWindowMinutes = "";
    private String flexibleWindowMinutes = "";
    private String pauseAfterFailures = "";
    private String externalId = "";

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTeamId() {
        return teamId;
    }

    public void setTeamId(String teamId) {
        this.teamId = teamId;
    }

    public String getReportType() {
        return reportType;
    }

    public void setReportType(String reportType) {
        this.reportType = reportType;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public String getMinute() {
        return minute;
    }

    public void setMinute(String minute) {
        this.minute = minute;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public List<String> getDaysOfWeek() {
        return daysOfWeek;
    }

    public void setDaysOfWeek(List<String> daysOfWeek) {
        this.daysOfWeek = daysOfWeek;
    }

    public String getDayOfMonth() {
        return dayOfMonth;
    }

    public void setDayOfMonth(String dayOfMonth) {
        this.dayOfMonth = dayOfMonth;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getStartAt() {
        return startAt;
    }

    public void setStartAt(String startAt) {
        this.startAt = startAt;
    }

    public String getEndAt() {
        return endAt;
    }

    public void setEndAt(String endAt) {
        this.endAt = endAt;
    }

    public List<String> getListIds() {
        return listIds;
    }

    public void setListIds(List<String> listIds) {
        this.listIds = listIds;
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }

    public boolean isSubscribeMe() {
        return subscribeMe;
    }

    public void setSubscribeMe(boolean subscribeMe) {
        this.subscribeMe = subscribeMe;
    }

    public List<String> getFormats() {
        return formats;
    }

    public void setFormats(List<String> formats) {
        this.formats = formats;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public boolean isSkipIfEmpty() {
        return skipIfEmpty;
    }

    public void setSkipIfEmpty(boolean skipIfEmpty) {
        this.skipIfEmpty = skipIfEmpty;
    }

    public String getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(String timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public String getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(String maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getRetryBackoffSeconds() {
        return retryBackoffSeconds;
    }

    public void setRetryBackoffSeconds(String retryBackoffSeconds) {
        this.retryBackoffSeconds = retryBackoffSeconds;
    }

    public String getOverlapPolicy() {
        return overlapPolicy;
    }

    public void setOverlapPolicy(String overlapPolicy) {
        this.overlapPolicy = overlapPolicy;
    }

    public String getCatchupWindowMinutes() {
        return catchupWindowMinutes;
    }

    public void setCatchupWindowMinutes(String catchupWindowMinutes) {
        this.catchupWindowMinutes = catchupWindowMinutes;
    }

    public String getFlexibleWindowMinutes() {
        return flexibleWindowMinutes;
    }

    public void setFlexibleWindowMinutes(String flexibleWindowMinutes) {
        this.flexibleWindowMinutes = flexibleWindowMinutes;
    }

    public String getPauseAfterFailures() {
        return pauseAfterFailures;
    }

    public void setPauseAfterFailures(String pauseAfterFailures) {
        this.pauseAfterFailures = pauseAfterFailures;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** Never typed: the place of errors about the recipients as a whole. */
    public String getRecipients() {
        return null;
    }

    public void setRecipients(String ignored) {
        // errors only
    }
}
