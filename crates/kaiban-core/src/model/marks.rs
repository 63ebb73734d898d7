//! The yes/no marks a director or supervisor carries (chair, employee representative …):
//! which marks an officer may carry, their field names and labels, once.

use super::{Director, Supervisor};
use crate::text::Bi;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Chair,
    ViceChair,
    ExecutesAffairs,
    EmployeeRepresentative,
}

impl Mark {
    /// The field's name in the officer's JSON record (and in its path).
    pub fn key(self) -> &'static str {
        match self {
            Mark::Chair => "chair",
            Mark::ViceChair => "vice_chair",
            Mark::ExecutesAffairs => "executes_affairs",
            Mark::EmployeeRepresentative => "employee_representative",
        }
    }
}

/// An officer who carries marks.
pub trait Marked {
    /// The marks this officer may carry: on a board (`board`) or as its single member.
    fn marks(board: bool) -> &'static [Mark];
    fn mark_label(mark: Mark) -> Bi;
    fn mark(&self, mark: Mark) -> bool;
    fn set_mark(&mut self, mark: Mark, value: bool);
}

impl Marked for Director {
    fn marks(board: bool) -> &'static [Mark] {
        use Mark::*;
        if board {
            &[Chair, ViceChair, ExecutesAffairs, EmployeeRepresentative]
        } else {
            &[ExecutesAffairs, EmployeeRepresentative]
        }
    }

    fn mark_label(mark: Mark) -> Bi {
        match mark {
            Mark::Chair => Bi::new("董事长", "Chair of the board"),
            Mark::ViceChair => Bi::new("副董事长", "Vice-chair"),
            Mark::ExecutesAffairs => {
                Bi::new("代表公司执行公司事务", "Executes the company's affairs")
            }
            Mark::EmployeeRepresentative => Bi::new("职工代表董事", "Employee representative"),
        }
    }

    fn mark(&self, mark: Mark) -> bool {
        match mark {
            Mark::Chair => self.chair,
            Mark::ViceChair => self.vice_chair,
            Mark::ExecutesAffairs => self.executes_affairs,
            Mark::EmployeeRepresentative => self.employee_representative,
        }
    }

    fn set_mark(&mut self, mark: Mark, value: bool) {
        *match mark {
            Mark::Chair => &mut self.chair,
            Mark::ViceChair => &mut self.vice_chair,
            Mark::ExecutesAffairs => &mut self.executes_affairs,
            Mark::EmployeeRepresentative => &mut self.employee_representative,
        } = value;
    }
}

impl Marked for Supervisor {
    fn marks(board: bool) -> &'static [Mark] {
        if board {
            &[Mark::Chair, Mark::EmployeeRepresentative]
        } else {
            &[]
        }
    }

    fn mark_label(mark: Mark) -> Bi {
        match mark {
            Mark::Chair => Bi::new("监事会主席", "Chair of the supervisory board"),
            _ => Bi::new("职工代表监事", "Employee representative"),
        }
    }

    fn mark(&self, mark: Mark) -> bool {
        match mark {
            Mark::Chair => self.chair,
            Mark::EmployeeRepresentative => self.employee_representative,
            _ => false,
        }
    }

    fn set_mark(&mut self, mark: Mark, value: bool) {
        match mark {
            Mark::Chair => self.chair = value,
            Mark::EmployeeRepresentative => self.employee_representative = value,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mark's key is the field serde writes, so its path reaches the rule's finding.
    fn keys_are_the_json_fields<T: Marked + Default + serde::Serialize>() {
        for mark in T::marks(true) {
            let mut officer = T::default();
            officer.set_mark(*mark, true);
            assert!(officer.mark(*mark));
            let json = serde_json::to_value(&officer).unwrap();
            assert_eq!(json[mark.key()], true, "{mark:?}");
        }
    }

    #[test]
    fn every_mark_reads_back_and_names_its_json_field() {
        keys_are_the_json_fields::<Director>();
        keys_are_the_json_fields::<Supervisor>();
        assert!(Director::marks(true).len() > Director::marks(false).len());
    }
}
