// Stands in for a third-party analytics script: it may run only once "Statistics" is granted.
window.exampleAnalyticsRan = (window.exampleAnalyticsRan ?? 0) + 1;
