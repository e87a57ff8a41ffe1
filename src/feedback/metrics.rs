//! Macro-F1, the metric the model card and the accuracy test report.

/// Per-class precision, recall and F1 of one binary decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClassScore {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// How many gold positives.
    pub support: usize,
}

/// Scores from true/false positives and false negatives; an empty class scores 0.
pub fn score(tp: usize, fp: usize, fn_: usize) -> ClassScore {
    let precision = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    ClassScore {
        precision,
        recall,
        f1,
        support: tp + fn_,
    }
}

/// Per-class scores of a single-label task with `classes` classes (gold, predicted pairs).
pub fn multiclass(pairs: &[(usize, usize)], classes: usize) -> Vec<ClassScore> {
    (0..classes)
        .map(|c| {
            let tp = pairs.iter().filter(|(g, p)| *g == c && *p == c).count();
            let fp = pairs.iter().filter(|(g, p)| *g != c && *p == c).count();
            let fn_ = pairs.iter().filter(|(g, p)| *g == c && *p != c).count();
            score(tp, fp, fn_)
        })
        .collect()
}

/// Scores of one label of a multi-label task (gold, predicted pairs).
pub fn binary(pairs: &[(bool, bool)]) -> ClassScore {
    let tp = pairs.iter().filter(|(g, p)| *g && *p).count();
    let fp = pairs.iter().filter(|(g, p)| !*g && *p).count();
    let fn_ = pairs.iter().filter(|(g, p)| *g && !*p).count();
    score(tp, fp, fn_)
}

/// The unweighted mean F1.
pub fn macro_f1(scores: &[ClassScore]) -> f64 {
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().map(|s| s.f1).sum::<f64>() / scores.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macro_f1_averages_classes_equally() {
        // Class 0: 2 right; class 1: 1 right, 1 predicted as 0.
        let scores = multiclass(&[(0, 0), (0, 0), (1, 1), (1, 0)], 2);
        assert!((scores[0].precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(scores[0].recall, 1.0);
        assert_eq!(scores[1].precision, 1.0);
        assert_eq!(scores[1].recall, 0.5);
        let expected = (0.8 + 2.0 / 3.0) / 2.0;
        assert!((macro_f1(&scores) - expected).abs() < 1e-9);
    }

    #[test]
    fn a_class_never_predicted_scores_zero() {
        let s = binary(&[(true, false), (false, false)]);
        assert_eq!(s.f1, 0.0);
        assert_eq!(s.support, 1);
    }
}
