import type { Criticality } from "@/lib/generated/prisma/enums";

// The 15 readiness categories of seed 000 §4.1, with their weights and criticality.
export const defaultCategories: { key: string; name: string; weight: number; criticality: Criticality }[] = [
  { key: "integrity", name: "Integrity", weight: 1.0, criticality: "high" },
  { key: "implementation", name: "Implementation", weight: 0.9, criticality: "high" },
  { key: "services", name: "Services", weight: 0.8, criticality: "medium" },
  { key: "documentation", name: "Documentation", weight: 0.6, criticality: "medium" },
  { key: "testing", name: "Testing", weight: 0.7, criticality: "medium" },
  { key: "configuration", name: "Configuration", weight: 0.6, criticality: "medium" },
  { key: "security", name: "Security", weight: 1.0, criticality: "critical" },
  { key: "performance", name: "Performance", weight: 0.8, criticality: "high" },
  { key: "observability", name: "Observability", weight: 0.8, criticality: "high" },
  { key: "deployment", name: "Deployment", weight: 0.8, criticality: "high" },
  { key: "compliance", name: "Compliance", weight: 0.7, criticality: "medium" },
  { key: "business_continuity", name: "Business continuity", weight: 0.8, criticality: "high" },
  { key: "developer_experience", name: "Developer experience", weight: 0.5, criticality: "medium" },
  { key: "api_integration", name: "API & integration", weight: 0.8, criticality: "high" },
  { key: "data_governance", name: "Data governance", weight: 0.8, criticality: "high" },
];
